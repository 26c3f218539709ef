import type { CallOptions } from '../../spec/call-options.js';
import type { CallWarning } from '../../spec/call-warning.js';
import { type AnthropicOptions, readAnthropicOptions } from './anthropic-options.js';
import { applyAnthropicServerOptions } from './apply-anthropic-server-options.js';
import { convertAnthropicTools } from './convert-anthropic-tools.js';
import { convertToAnthropicMessages } from './convert-to-anthropic-messages.js';

/** A Messages API body (in the direct API's shape; endpoints rewrite it), its beta flags and warnings. */
export interface AnthropicRequest {
  body: Record<string, unknown>;
  betaFlags: string[];
  warnings: CallWarning[];
}

/** Fantasy's default when the call sets no `maxOutputTokens`. */
const defaultMaxTokens = 4096;

/** Builds the body of `POST /v1/messages` for a call. */
export function buildAnthropicRequest(options: {
  modelId: string;
  call: CallOptions;
  stream: boolean;
  supportsDisableParallelToolUse: boolean;
}): AnthropicRequest {
  const { modelId, call } = options;
  const providerOptions = readAnthropicOptions(call.providerOptions);
  const prompt = convertToAnthropicMessages(call.prompt, {
    sendReasoning: providerOptions.sendReasoning ?? true,
  });
  const warnings = prompt.warnings;
  const body: Record<string, unknown> = {
    model: modelId,
    max_tokens: call.maxOutputTokens ?? defaultMaxTokens,
    messages: prompt.messages,
  };
  if (prompt.system.length > 0) body.system = prompt.system;
  applySampling(body, call, warnings);
  applyThinking({ body, modelId, options: providerOptions, warnings });
  const tools = convertAnthropicTools({
    tools: call.tools,
    toolChoice: call.toolChoice,
    disableParallelToolUse: providerOptions.disableParallelToolUse ?? false,
    supportsDisableParallelToolUse: options.supportsDisableParallelToolUse,
  });
  warnings.push(...tools.warnings);
  if (tools.tools.length > 0) body.tools = tools.tools;
  if (tools.toolChoice) body.tool_choice = tools.toolChoice;
  applyAnthropicServerOptions({
    body,
    betaFlags: tools.betaFlags,
    options: providerOptions,
    mcpServers: tools.mcpServers,
    prompt: call.prompt,
  });
  if (call.responseFormat !== undefined) {
    warnings.push({
      type: 'unsupported-setting',
      setting: 'responseFormat',
      details: 'Anthropic has no native JSON mode; use object mode tool or text',
    });
  }
  if (providerOptions.extraBody) Object.assign(body, providerOptions.extraBody);
  if (options.stream) body.stream = true;
  return { body, betaFlags: tools.betaFlags, warnings };
}

function applySampling(body: Record<string, unknown>, call: CallOptions, warnings: CallWarning[]): void {
  if (call.temperature !== undefined) body.temperature = call.temperature;
  if (call.topK !== undefined) body.top_k = call.topK;
  if (call.topP !== undefined) body.top_p = call.topP;
  if (call.frequencyPenalty !== undefined) {
    warnings.push({ type: 'unsupported-setting', setting: 'frequencyPenalty' });
  }
  if (call.presencePenalty !== undefined) {
    warnings.push({ type: 'unsupported-setting', setting: 'presencePenalty' });
  }
}

/**
 * `effort` turns on adaptive thinking; a `thinking` budget turns on extended thinking (adaptive for models
 * that only have that) and removes the sampling settings thinking rejects. Models that always think get
 * adaptive thinking without options.
 */
function applyThinking(context: {
  body: Record<string, unknown>;
  modelId: string;
  options: AnthropicOptions;
  warnings: CallWarning[];
}): void {
  const { body, modelId, options } = context;
  const adaptiveOnly = requiresAdaptiveThinking(modelId);
  const display = options.thinkingDisplay ?? (adaptiveOnly ? 'summarized' : undefined);
  const withDisplay = (thinking: Record<string, unknown>) =>
    display === undefined ? thinking : { ...thinking, display };
  if (options.effort !== undefined) {
    body.output_config = { effort: options.effort };
    body.thinking = withDisplay({ type: 'adaptive' });
  } else if (options.thinking !== undefined) {
    body.thinking = withDisplay(
      adaptiveOnly ? { type: 'adaptive' } : { type: 'enabled', budget_tokens: options.thinking.budgetTokens },
    );
    removeSamplingForThinking(body, context.warnings);
  } else if (modelId.includes('claude-mythos-preview')) {
    body.thinking = withDisplay({ type: 'adaptive' });
  }
}

const thinkingRejects: Array<[string, string]> = [
  ['temperature', 'temperature'],
  ['top_p', 'topP'],
  ['top_k', 'topK'],
];

function removeSamplingForThinking(body: Record<string, unknown>, warnings: CallWarning[]): void {
  for (const [wire, setting] of thinkingRejects) {
    if (body[wire] === undefined) continue;
    delete body[wire];
    warnings.push({
      type: 'unsupported-setting',
      setting,
      details: `${setting} is not supported when thinking is enabled`,
    });
  }
}

/** Models that reject a thinking budget and only think adaptively: Mythos preview and Opus 4.7 onwards. */
export function requiresAdaptiveThinking(modelId: string): boolean {
  if (modelId.includes('claude-mythos-preview')) return true;
  const minor = /claude-opus-4-(\d{1,2})(?!\d)/.exec(modelId)?.[1];
  return minor !== undefined && Number(minor) >= 7;
}
