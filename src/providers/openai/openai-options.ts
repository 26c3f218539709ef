import { InvalidArgumentError } from '../../errors/invalid-argument-error.js';
import { applyServiceTier } from './apply-service-tier.js';
import type { ApplyProviderOptionsContext } from './openai-chat-dialect.js';
import { openAIModelRules } from './openai-model-rules.js';

/** Reasoning effort levels OpenAI-style APIs accept. */
export type ReasoningEffort = 'none' | 'minimal' | 'low' | 'medium' | 'high' | 'xhigh' | 'max';

const reasoningEfforts = new Set<string>(['none', 'minimal', 'low', 'medium', 'high', 'xhigh', 'max']);

/** Options under `providerOptions.openai` for chat completions. */
export interface OpenAIChatOptions {
  logitBias?: Record<string, number>;
  logprobs?: boolean;
  topLogprobs?: number;
  user?: string;
  parallelToolCalls?: boolean;
  maxCompletionTokens?: number;
  textVerbosity?: 'low' | 'medium' | 'high';
  /** Predicted output: `{ content: string }`. */
  prediction?: { content: string };
  store?: boolean;
  metadata?: Record<string, string>;
  promptCacheKey?: string;
  safetyIdentifier?: string;
  serviceTier?: 'auto' | 'default' | 'flex' | 'priority';
  reasoningEffort?: ReasoningEffort;
}

/** Validates a reasoning effort; an unknown value is a mistake the caller must fix. */
export function checkReasoningEffort(value: unknown): string {
  if (typeof value !== 'string' || !reasoningEfforts.has(value)) {
    throw new InvalidArgumentError({
      argument: 'providerOptions.reasoningEffort',
      message: `reasoning effort ${JSON.stringify(value)} is not one of ${[...reasoningEfforts].join(', ')}`,
    });
  }
  return value;
}

const directFields: Array<[keyof OpenAIChatOptions, string]> = [
  ['logitBias', 'logit_bias'],
  ['logprobs', 'logprobs'],
  ['topLogprobs', 'top_logprobs'],
  ['user', 'user'],
  ['parallelToolCalls', 'parallel_tool_calls'],
  ['maxCompletionTokens', 'max_completion_tokens'],
  ['textVerbosity', 'verbosity'],
  ['store', 'store'],
  ['metadata', 'metadata'],
  ['promptCacheKey', 'prompt_cache_key'],
  ['safetyIdentifier', 'safety_identifier'],
];

/** The predicted output's text; anything but `{ content: string }` is a mistake the caller must fix. */
function predictionOf(prediction: unknown): string {
  const content = (prediction as { content?: unknown } | null)?.content;
  if (typeof content === 'string') return content;
  throw new InvalidArgumentError({
    argument: 'providerOptions.openai.prediction',
    message: `prediction must be { content: string }, got ${JSON.stringify(prediction)}`,
  });
}

/** Writes `providerOptions.openai` into a chat-completions body. */
export function applyOpenAIChatOptions({
  body,
  options,
  modelId,
  warnings,
}: ApplyProviderOptionsContext): void {
  if (options === undefined) return;
  const typed = options as OpenAIChatOptions;
  for (const [field, wire] of directFields) {
    if (typed[field] !== undefined) body[wire] = typed[field];
  }
  applyServiceTier({ body, tier: typed.serviceTier, modelId, warnings });
  if (typed.prediction !== undefined)
    body.prediction = { type: 'content', content: predictionOf(typed.prediction) };
  if (typed.reasoningEffort !== undefined)
    body.reasoning_effort = checkReasoningEffort(typed.reasoningEffort);
  if (openAIModelRules(modelId).reasoning) {
    for (const wire of ['logit_bias', 'logprobs', 'top_logprobs']) {
      if (body[wire] === undefined) continue;
      delete body[wire];
      warnings.push({
        type: 'unsupported-setting',
        setting: wire,
        details: `${wire} is not supported by reasoning models`,
      });
    }
  }
}
