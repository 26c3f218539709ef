import type { Usage } from '../../spec/usage.js';
import type { AnthropicUsage } from './anthropic-api.js';

/**
 * Maps Anthropic usage. `input_tokens` already excludes cache reads and writes, which are reported apart;
 * the total is input plus output, as Fantasy counts it.
 */
export function mapAnthropicUsage(usage: AnthropicUsage | undefined): Usage {
  const inputTokens = usage?.input_tokens ?? 0;
  const outputTokens = usage?.output_tokens ?? 0;
  return {
    inputTokens,
    outputTokens,
    totalTokens: inputTokens + outputTokens,
    reasoningTokens: 0,
    cacheCreationTokens: usage?.cache_creation_input_tokens ?? 0,
    cacheReadTokens: usage?.cache_read_input_tokens ?? 0,
  };
}

/** Folds a later usage report (`message_delta`) over an earlier one: fields it carries win. */
export function mergeAnthropicUsage(
  earlier: AnthropicUsage,
  later: AnthropicUsage | undefined,
): AnthropicUsage {
  if (later === undefined) return earlier;
  const merged: AnthropicUsage = { ...earlier };
  for (const key of Object.keys(later) as Array<keyof AnthropicUsage>) {
    const value = later[key];
    if (typeof value === 'number') (merged as Record<string, unknown>)[key] = value;
  }
  return merged;
}
