import type { ChatModelFunctions, LLamaChatGenerateResponseOptions, LlamaGrammar } from 'node-llama-cpp';
import { InvalidArgumentError } from '../errors/invalid-argument-error.js';
import { InvalidResponseError } from '../errors/invalid-response-error.js';
import { generateWithRetry, streamWithRetry } from '../http/retry-model-call.js';
import { generateObjectWithMode } from '../object/generate-object-with-mode.js';
import { resolveObjectMode } from '../object/object-modes.js';
import { streamObjectWithMode } from '../object/stream-object-with-mode.js';
import { withoutApprovalParts } from '../providers/shared/without-approval-parts.js';
import type { CallOptions } from '../spec/call-options.js';
import type { CallWarning } from '../spec/call-warning.js';
import type { Content } from '../spec/content.js';
import type { FinishReason } from '../spec/finish-reason.js';
import type { GenerateResult } from '../spec/generate-result.js';
import type { LanguageModel } from '../spec/language-model.js';
import type { ObjectCallOptions, ObjectResult, ObjectStreamPart } from '../spec/object.js';
import type { StreamPart } from '../spec/stream-part.js';
import type { FunctionTool } from '../spec/tool.js';
import type { Usage } from '../spec/usage.js';
import { BlockEmitter } from './block-emitter.js';
import type { LlamaCppRuntime } from './create-llama-cpp.js';
import { forcedToolSchema } from './forced-tool-schema.js';
import { PartQueue } from './part-queue.js';
import { toLlamaChatHistory } from './to-llama-chat-history.js';

/** `providerOptions.llamacpp`: settings with no common call option. */
export interface LlamaCppCallOptions {
  /** The sampling seed; the same seed, prompt and settings sample the same tokens. */
  seed?: number;
  /** Texts that end the answer when sampled (they are not part of it). */
  stopSequences?: string[];
  /** Cut tokens whose probability is below this fraction of the likeliest one's. */
  minP?: number;
}

/** What one call produced, before it is shaped as a result or a stream's finish. */
interface CallOutcome {
  content: Content[];
  finishReason: FinishReason;
  usage: Usage;
  warnings: CallWarning[];
}

/**
 * A GGUF model run in process by node-llama-cpp. Plain calls sample text (tools offered as node-llama-cpp
 * functions); a forced tool choice or a JSON response format samples under a grammar built from the JSON
 * Schema, so the call or object always parses.
 */
export class LlamaCppLanguageModel implements LanguageModel {
  readonly provider = 'llamacpp';

  constructor(
    readonly modelId: string,
    private readonly runtime: () => Promise<LlamaCppRuntime>,
  ) {}

  /** A local call is not retried; its `telemetry` option traces it as the HTTP providers' calls are. */
  generate(options: CallOptions): Promise<GenerateResult> {
    return generateWithRetry(
      { ...options, maxRetries: 0 },
      async (call) => ({ ...(await this.run(call, () => {})), response: { modelId: this.modelId } }),
      this,
    );
  }

  stream(options: CallOptions): Promise<AsyncIterable<StreamPart>> {
    return streamWithRetry({ ...options, maxRetries: 0 }, (call) => this.streamOnce(call), this);
  }

  private async streamOnce(options: CallOptions): Promise<AsyncIterable<StreamPart>> {
    const cancel = new AbortController();
    const signal = options.abortSignal
      ? AbortSignal.any([options.abortSignal, cancel.signal])
      : cancel.signal;
    const queue = new PartQueue<StreamPart>(() => cancel.abort());
    this.run({ ...options, abortSignal: signal }, (part) => queue.push(part)).then(
      (outcome) => {
        queue.push({ type: 'finish', finishReason: outcome.finishReason, usage: outcome.usage });
        queue.end();
      },
      (error: unknown) => {
        queue.push({ type: 'error', error });
        queue.end();
      },
    );
    return queue;
  }

  generateObject(options: ObjectCallOptions): Promise<ObjectResult> {
    return generateObjectWithMode(this, options, resolveObjectMode(options.mode, 'json'));
  }

  streamObject(options: ObjectCallOptions): Promise<AsyncIterable<ObjectStreamPart>> {
    return streamObjectWithMode(this, options, resolveObjectMode(options.mode, 'json'));
  }

  /** Samples one answer on a free context sequence, reporting stream parts to `emit` as they come. */
  private async run(options: CallOptions, emit: (part: StreamPart) => void): Promise<CallOutcome> {
    const runtime = await this.runtime();
    const { LlamaChat } = await import('node-llama-cpp');
    const warnings = collectWarnings(options);
    if (warnings.length > 0) emit({ type: 'warnings', warnings });
    const plan = await planCall(runtime, options);
    const sequence = await runtime.pool.acquire(options.abortSignal);
    const chat = new LlamaChat({
      contextSequence: sequence,
      chatWrapper: runtime.chatWrapper ?? 'auto',
      autoDisposeSequence: false,
    });
    const before = sequence.tokenMeter.getState();
    const blocks = new BlockEmitter(emit, {
      silent: plan.forcedTools !== undefined,
      splitThinkTags: plan.grammar === undefined,
    });
    try {
      const response = await chat.generateResponse(toLlamaChatHistory(withoutApprovalParts(options.prompt)), {
        ...samplingOf(options),
        ...(plan.grammar ? { grammar: plan.grammar } : {}),
        ...(plan.functions ? { functions: plan.functions } : {}),
        onResponseChunk: (chunk) =>
          blocks.chunk(chunk.type === 'segment' && chunk.segmentType === 'thought', chunk.text),
        ...(options.abortSignal ? { signal: options.abortSignal, stopOnAbortSignal: false } : {}),
      } as LLamaChatGenerateResponseOptions<ChatModelFunctions>);
      const after = sequence.tokenMeter.getState();
      const content = blocks.finish();
      let finishReason = finishReasonOf(response.metadata.stopReason);
      if (plan.forcedTools) {
        content.push(forcedToolCall(response.response, blocks.nextId('call')));
        finishReason = 'tool-calls';
      }
      for (const call of response.functionCalls ?? []) {
        const part = {
          type: 'tool-call' as const,
          toolCallId: blocks.nextId('call'),
          toolName: call.functionName,
          input: JSON.stringify(call.params ?? {}),
        };
        content.push(part);
        emit(part);
      }
      if (response.functionCalls?.length) finishReason = 'tool-calls';
      const inputTokens = after.usedInputTokens - before.usedInputTokens;
      const outputTokens = after.usedOutputTokens - before.usedOutputTokens;
      const usage: Usage = {
        inputTokens,
        outputTokens,
        totalTokens: inputTokens + outputTokens,
        reasoningTokens: 0,
        cacheCreationTokens: 0,
        cacheReadTokens: 0,
      };
      if (plan.forcedTools) emit(content[content.length - 1] as StreamPart);
      return { content, finishReason, usage, warnings };
    } catch (error) {
      if (options.abortSignal?.aborted) throw options.abortSignal.reason;
      throw error;
    } finally {
      chat.dispose({ disposeSequence: false });
      await sequence.clearHistory();
      runtime.pool.release(sequence);
    }
  }
}

/** How a call is sampled: free text, text with functions, or under a grammar. */
interface CallPlan {
  grammar?: LlamaGrammar;
  functions?: ChatModelFunctions;
  /** Set when the tool choice forces a call: the grammar then samples `{ name, arguments }`. */
  forcedTools?: FunctionTool[];
}

async function planCall(runtime: LlamaCppRuntime, options: CallOptions): Promise<CallPlan> {
  const tools = (options.tools ?? []).filter((tool): tool is FunctionTool => tool.type === 'function');
  const choice = options.toolChoice ?? 'auto';
  if (tools.length > 0 && choice !== 'none' && choice !== 'auto') {
    const forced = typeof choice === 'object' ? tools.filter((tool) => tool.name === choice.toolName) : tools;
    if (forced.length === 0) {
      throw new InvalidArgumentError({
        argument: 'toolChoice',
        message: `toolChoice names the tool "${(choice as { toolName: string }).toolName}", which is not among the call's tools`,
      });
    }
    return { grammar: await jsonSchemaGrammar(runtime, forcedToolSchema(forced)), forcedTools: forced };
  }
  if (options.responseFormat?.type === 'json') {
    const { LlamaGrammar } = await import('node-llama-cpp');
    const schema = options.responseFormat.schema;
    return {
      grammar: schema
        ? await jsonSchemaGrammar(runtime, schema)
        : await LlamaGrammar.getFor(runtime.llama, 'json'),
    };
  }
  if (tools.length > 0 && choice === 'auto') {
    const functions: Record<string, { description: string; params: never }> = {};
    for (const tool of tools)
      functions[tool.name] = { description: tool.description, params: tool.inputSchema as never };
    return { functions: functions as ChatModelFunctions };
  }
  return {};
}

function jsonSchemaGrammar(runtime: LlamaCppRuntime, schema: unknown): Promise<LlamaGrammar> {
  return runtime.llama.createGrammarForJsonSchema(schema as never) as Promise<LlamaGrammar>;
}

function samplingOf(options: CallOptions): Record<string, unknown> {
  const own = (options.providerOptions?.llamacpp ?? {}) as LlamaCppCallOptions;
  const sampling: Record<string, unknown> = {};
  if (options.maxOutputTokens !== undefined) sampling.maxTokens = options.maxOutputTokens;
  if (options.temperature !== undefined) sampling.temperature = options.temperature;
  if (options.topP !== undefined) sampling.topP = options.topP;
  if (options.topK !== undefined) sampling.topK = options.topK;
  if (own.minP !== undefined) sampling.minP = own.minP;
  if (own.seed !== undefined) sampling.seed = own.seed;
  if (own.stopSequences?.length) sampling.customStopTriggers = own.stopSequences;
  if (options.presencePenalty !== undefined || options.frequencyPenalty !== undefined) {
    sampling.repeatPenalty = {
      ...(options.presencePenalty === undefined ? {} : { presencePenalty: options.presencePenalty }),
      ...(options.frequencyPenalty === undefined ? {} : { frequencyPenalty: options.frequencyPenalty }),
    };
  }
  return sampling;
}

function collectWarnings(options: CallOptions): CallWarning[] {
  const warnings: CallWarning[] = [];
  for (const tool of options.tools ?? []) {
    if (tool.type === 'provider-defined')
      warnings.push({
        type: 'unsupported-tool',
        tool,
        details: 'llama.cpp runs only function tools',
      } as CallWarning);
  }
  if (options.prompt.some((message) => message.content.some((part) => part.type === 'file')))
    warnings.push({ type: 'other', message: 'llama.cpp text models ignore file parts' } as CallWarning);
  return warnings;
}

function finishReasonOf(stopReason: string): FinishReason {
  if (stopReason === 'maxTokens') return 'length';
  if (stopReason === 'functionCalls') return 'tool-calls';
  if (stopReason === 'abort') return 'other';
  return 'stop';
}

function forcedToolCall(text: string, toolCallId: string): Content {
  let parsed: { name?: unknown; arguments?: unknown };
  try {
    parsed = JSON.parse(text) as typeof parsed;
  } catch (error) {
    throw new InvalidResponseError({
      message: 'the grammar-constrained tool call was cut before it ended (raise maxOutputTokens)',
      data: text,
      cause: error,
    });
  }
  return {
    type: 'tool-call',
    toolCallId,
    toolName: String(parsed.name),
    input: JSON.stringify(parsed.arguments ?? {}),
  };
}
