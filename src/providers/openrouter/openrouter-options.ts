import type { ApplyProviderOptionsContext } from '../openai/openai-chat-dialect.js';
import { snakeCaseKeys } from '../shared/gateway/snake-case-keys.js';

/** Reasoning effort levels OpenRouter accepts. */
export type OpenRouterReasoningEffort = 'none' | 'minimal' | 'low' | 'medium' | 'high' | 'xhigh';

/** OpenRouter's unified reasoning settings, sent as `reasoning`. */
export interface OpenRouterReasoningOptions {
  enabled?: boolean;
  /** Reason, but leave the reasoning out of the response. */
  exclude?: boolean;
  /** A token budget for reasoning (Anthropic, Gemini); use either this or `effort`. */
  maxTokens?: number;
  effort?: OpenRouterReasoningEffort;
}

/** Provider routing preferences, sent as `provider` (keys written snake_case, e.g. `allow_fallbacks`). */
export interface OpenRouterProviderRouting {
  /** Provider slugs to try in order, e.g. `['anthropic', 'amazon-bedrock']`. */
  order?: string[];
  /** @default true */
  allowFallbacks?: boolean;
  /** Only use providers that support every parameter of the request. @default false */
  requireParameters?: boolean;
  dataCollection?: 'allow' | 'deny';
  only?: string[];
  ignore?: string[];
  /** e.g. `['int4', 'int8']` */
  quantizations?: string[];
  sort?: 'price' | 'throughput' | 'latency';
  /** Any other routing field OpenRouter accepts, written snake_case. */
  [field: string]: unknown;
}

/** Options under `providerOptions.openrouter`. */
export interface OpenRouterOptions {
  reasoning?: OpenRouterReasoningOptions;
  provider?: OpenRouterProviderRouting;
  /** Fallback models, tried in order when the first one fails. */
  models?: string[];
  /** Ask for usage accounting (token counts and cost) in the response. @default true */
  includeUsage?: boolean;
  logitBias?: Record<string, number>;
  logprobs?: boolean;
  /** An id for your end user, to help OpenRouter detect abuse. */
  user?: string;
  parallelToolCalls?: boolean;
  /** Fields merged into the top level of the request body, last. */
  extraBody?: Record<string, unknown>;
}

const directFields: Array<[keyof OpenRouterOptions, string]> = [
  ['models', 'models'],
  ['logitBias', 'logit_bias'],
  ['logprobs', 'logprobs'],
  ['user', 'user'],
  ['parallelToolCalls', 'parallel_tool_calls'],
];

/**
 * Writes `providerOptions.openrouter` into a request body. `usage: { include: true }` is always sent (unless
 * `includeUsage` is false), so responses carry token counts and cost.
 */
export function applyOpenRouterOptions({ body, options }: ApplyProviderOptionsContext): void {
  const typed = (options ?? {}) as OpenRouterOptions;
  body.usage = { include: typed.includeUsage ?? true };
  if (typed.reasoning != null) body.reasoning = snakeCaseKeys(typed.reasoning);
  if (typed.provider != null) body.provider = snakeCaseKeys(typed.provider);
  for (const [field, wire] of directFields) {
    if (typed[field] !== undefined) body[wire] = typed[field];
  }
  if (typed.extraBody !== undefined) Object.assign(body, typed.extraBody);
}
