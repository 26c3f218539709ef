import type { CallOptions } from '../spec/call-options.js';
import { type GenerateResult, withResultText } from '../spec/generate-result.js';
import type { LanguageModel } from '../spec/language-model.js';
import type { ObjectCallOptions, ObjectResult, ObjectStreamPart } from '../spec/object.js';
import type { StreamPart } from '../spec/stream-part.js';
import { emptyUsage } from '../spec/usage.js';
import { PromptHistory } from './prompt-history.js';

/**
 * A response for the mock: only `content` is needed; the rest defaults to `stop`, zero usage, no warnings;
 * `text` and `reasoningText` are always derived from the content.
 */
export type MockGenerateResult = Partial<GenerateResult>;

/** Answers the n-th call (0-based) of a kind. May throw to simulate a failed request. */
export type MockResponder<Options, Result> = (options: Options, index: number) => Result | Promise<Result>;

/** What the mock answers. A single value answers every call; a list answers call n with item n. */
export interface MockLanguageModelOptions {
  /** @default 'mock' */
  provider?: string;
  /** @default 'mock-model' */
  modelId?: string;
  /**
   * Keep every call in `calls` / `objectCalls`. Prompts are kept without copying: a prompt that starts with
   * the previous call's messages (an agent's next step) stores only its new ones, so a 2,000-step agent run
   * keeps memory linear in its messages. `false` keeps only the counts, and reading `calls` throws.
   * @default true
   */
  recordCalls?: boolean;
  generate?: MockGenerateResult | MockGenerateResult[] | MockResponder<CallOptions, MockGenerateResult>;
  /** Parts of one stream (every call), a list of streams (one per call), or a function returning either. */
  stream?:
    | StreamPart[]
    | StreamPart[][]
    | MockResponder<CallOptions, StreamPart[] | AsyncIterable<StreamPart>>;
  generateObject?: ObjectResult | MockResponder<ObjectCallOptions, ObjectResult>;
  streamObject?:
    | ObjectStreamPart[]
    | MockResponder<ObjectCallOptions, ObjectStreamPart[] | AsyncIterable<ObjectStreamPart>>;
}

/**
 * A scripted `LanguageModel` for tests: answers from the options and records every call (see
 * `recordCalls`). Streams honour the call's `abortSignal`.
 *
 * @example
 * const model = new MockLanguageModel({
 *   generate: [{ content: [{ type: 'text', text: 'Hi!' }] }],
 *   stream: [{ type: 'text-start', id: '1' }, { type: 'text-delta', id: '1', delta: 'Hi!' }, { type: 'text-end', id: '1' }, finish],
 * });
 * await model.generate({ prompt: [userMessage('Hello')] });
 * expect(model.calls).toHaveLength(1);
 */
export class MockLanguageModel implements LanguageModel {
  readonly provider: string;
  readonly modelId: string;
  /** How many `generate` and `stream` calls were made; counted even when `recordCalls` is false. */
  callCount = 0;
  /** How many `generateObject` and `streamObject` calls were made. */
  objectCallCount = 0;
  private readonly options: MockLanguageModelOptions;
  private readonly recorded: { calls: CallOptions[]; objectCalls: ObjectCallOptions[] } | undefined;
  private readonly prompts = new PromptHistory();
  private readonly objectPrompts = new PromptHistory();
  private generateCount = 0;
  private streamCount = 0;

  constructor(options: MockLanguageModelOptions = {}) {
    this.options = options;
    this.provider = options.provider ?? 'mock';
    this.modelId = options.modelId ?? 'mock-model';
    this.recorded = options.recordCalls === false ? undefined : { calls: [], objectCalls: [] };
  }

  /** Every `generate` and `stream` call, in order. Each read of a call's `prompt` gives a new array. */
  get calls(): CallOptions[] {
    return this.#readRecorded().calls;
  }

  /** Every `generateObject` and `streamObject` call, in order. */
  get objectCalls(): ObjectCallOptions[] {
    return this.#readRecorded().objectCalls;
  }

  /** Message nodes the recorded prompts keep: linear in the messages of a growing conversation. */
  get keptPromptMessages(): number {
    return this.prompts.nodeCount + this.objectPrompts.nodeCount;
  }

  #readRecorded(): { calls: CallOptions[]; objectCalls: ObjectCallOptions[] } {
    if (this.recorded === undefined) {
      throw new Error(
        'MockLanguageModel: calls are not kept with recordCalls: false; read callCount instead',
      );
    }
    return this.recorded;
  }

  #record(options: CallOptions): void {
    this.callCount += 1;
    this.recorded?.calls.push(withSharedPrompt(options, this.prompts));
  }

  #recordObject(options: ObjectCallOptions): number {
    this.objectCallCount += 1;
    this.recorded?.objectCalls.push(withSharedPrompt(options, this.objectPrompts));
    return this.objectCallCount - 1;
  }

  async generate(options: CallOptions): Promise<GenerateResult> {
    this.#record(options);
    const index = this.generateCount++;
    const answer = this.options.generate;
    const result =
      typeof answer === 'function' ? await answer(options, index) : pick(answer, index, 'generate');
    return withResultText({
      content: [],
      finishReason: 'stop',
      usage: emptyUsage(),
      warnings: [],
      ...result,
    });
  }

  async stream(options: CallOptions): Promise<AsyncIterable<StreamPart>> {
    this.#record(options);
    const index = this.streamCount++;
    const answer = this.options.stream;
    const parts = typeof answer === 'function' ? await answer(options, index) : pickStream(answer, index);
    return Array.isArray(parts) ? simulateStream(parts, { abortSignal: options.abortSignal }) : parts;
  }

  async generateObject(options: ObjectCallOptions): Promise<ObjectResult> {
    const index = this.#recordObject(options);
    const answer = this.options.generateObject;
    if (typeof answer === 'function') return answer(options, index);
    if (answer === undefined) throw notConfigured('generateObject');
    return answer;
  }

  async streamObject(options: ObjectCallOptions): Promise<AsyncIterable<ObjectStreamPart>> {
    const index = this.#recordObject(options);
    const answer = this.options.streamObject;
    if (answer === undefined) throw notConfigured('streamObject');
    const parts = typeof answer === 'function' ? await answer(options, index) : answer;
    return Array.isArray(parts) ? simulateStream(parts, { abortSignal: options.abortSignal }) : parts;
  }
}

/** A shallow copy of the call whose `prompt` is read back from the history, not kept as an array. */
function withSharedPrompt<Options extends { prompt: CallOptions['prompt'] }>(
  options: Options,
  history: PromptHistory,
): Options {
  const { prompt, ...rest } = options;
  const readPrompt = history.add(prompt);
  return Object.defineProperty(rest, 'prompt', { get: readPrompt, enumerable: true }) as Options;
}

/**
 * Streams the given parts one at a time, each after a turn of the event loop (or `delayMs`). Throws the
 * signal's reason once it aborts.
 */
export async function* simulateStream<T>(
  parts: readonly T[],
  options: { abortSignal?: AbortSignal | undefined; delayMs?: number | undefined } = {},
): AsyncGenerator<T> {
  for (const part of parts) {
    await new Promise((resolve) => setTimeout(resolve, options.delayMs ?? 0));
    options.abortSignal?.throwIfAborted();
    yield part;
  }
}

function pick<T>(answer: T | T[] | undefined, index: number, kind: string): T {
  if (answer === undefined) throw notConfigured(kind);
  if (!Array.isArray(answer)) return answer;
  const item = answer[index];
  if (item === undefined) throw exhausted(kind, index, answer.length);
  return item;
}

function pickStream(answer: StreamPart[] | StreamPart[][] | undefined, index: number): StreamPart[] {
  if (answer === undefined) throw notConfigured('stream');
  if (!answer.some((item) => Array.isArray(item))) return answer as StreamPart[];
  const item = (answer as StreamPart[][])[index];
  if (item === undefined) throw exhausted('stream', index, answer.length);
  return item;
}

function notConfigured(kind: string): Error {
  return new Error(`MockLanguageModel: ${kind} was called but no ${kind} answer was configured`);
}

function exhausted(kind: string, index: number, count: number): Error {
  return new Error(`MockLanguageModel: ${kind} call ${index + 1} has no answer (${count} configured)`);
}
