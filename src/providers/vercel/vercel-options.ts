import type { ApplyProviderOptionsContext } from '../openai/openai-chat-dialect.js';
import { snakeCaseKeys } from '../shared/gateway/snake-case-keys.js';

/** Reasoning effort levels the Vercel AI Gateway accepts. */
export type VercelReasoningEffort = 'none' | 'minimal' | 'low' | 'medium' | 'high' | 'xhigh';

/** The gateway's unified reasoning settings, sent as `reasoning`. */
export interface VercelReasoningOptions {
  enabled?: boolean;
  /** A token budget for reasoning; use either this or `effort`. */
  maxTokens?: number;
  effort?: VercelReasoningEffort;
  /** Reason, but leave the reasoning out of the response. */
  exclude?: boolean;
}

/** Gateway routing, sent unchanged as `providerOptions.gateway` (the gateway takes camelCase keys). */
export interface VercelGatewayRouting {
  /** Provider slugs to try in order, e.g. `['vertex', 'anthropic']`. */
  order?: string[];
  /** Fallback models, tried in order; also sent as the top-level `models`. */
  models?: string[];
  /** Any other gateway routing field, e.g. `only` or `zeroDataRetention`. */
  [field: string]: unknown;
}

/** Options under `providerOptions.vercel`. */
export interface VercelGatewayOptions {
  reasoning?: VercelReasoningOptions;
  /** Routing preferences, sent as `providerOptions.gateway`. */
  providerOptions?: VercelGatewayRouting;
  /** Request-scoped provider credentials, e.g. `{ anthropic: [{ apiKey }] }`; sent as `providerOptions.gateway.byok`. */
  byok?: Record<string, Array<{ apiKey: string }>>;
  user?: string;
  logitBias?: Record<string, number>;
  logprobs?: boolean;
  topLogprobs?: number;
  parallelToolCalls?: boolean;
  /** Fields merged into the top level of the request body, last. */
  extraBody?: Record<string, unknown>;
}

const directFields: Array<[keyof VercelGatewayOptions, string]> = [
  ['user', 'user'],
  ['logitBias', 'logit_bias'],
  ['logprobs', 'logprobs'],
  ['topLogprobs', 'top_logprobs'],
  ['parallelToolCalls', 'parallel_tool_calls'],
];

/** Writes `providerOptions.vercel` into a request body. */
export function applyVercelGatewayOptions({ body, options }: ApplyProviderOptionsContext): void {
  if (options === undefined) return;
  const typed = options as VercelGatewayOptions;
  if (typed.reasoning != null) body.reasoning = snakeCaseKeys(typed.reasoning);
  const gateway = {
    ...typed.providerOptions,
    ...(typed.byok === undefined ? {} : { byok: typed.byok }),
  };
  if (Object.keys(gateway).length > 0) body.providerOptions = { gateway };
  if (typed.providerOptions?.models?.length) body.models = typed.providerOptions.models;
  for (const [field, wire] of directFields) {
    if (typed[field] !== undefined) body[wire] = typed[field];
  }
  if (typed.extraBody !== undefined) Object.assign(body, typed.extraBody);
}
