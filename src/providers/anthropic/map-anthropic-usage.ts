import type { Usage } from '../../spec/usage.js';
import { readTokenCount, readUsageDetails } from '../shared/read-token-count.js';
import type { AnthropicUsage } from './anthropic-api.js';

/**
 * Maps Anthropic usage. `input_tokens` already excludes cache reads and writes, which are reported apart;
 * `output_tokens` includes thinking, whose share is `output_tokens_details.thinking_tokens`; the total is
 * input plus output, as Fantasy counts it. A count that is not a token count throws an `InvalidResponseError`.
 */
export function mapAnthropicUsage(usage: AnthropicUsage | undefined): Usage {
  const read = (field: string) => (usage ? (readTokenCount(usage, field) ?? 0) : 0);
  const inputTokens = read('input_tokens');
  const outputTokens = read('output_tokens');
  const details = usage && readUsageDetails(usage, 'output_tokens_details');
  const thinking = details
    ? readTokenCount(details, 'thinking_tokens', 'output_tokens_details.thinking_tokens')
    : undefined;
  return {
    inputTokens,
    outputTokens,
    totalTokens: inputTokens + outputTokens,
    reasoningTokens: thinking ?? 0,
    cacheCreationTokens: read('cache_creation_input_tokens'),
    cacheReadTokens: read('cache_read_input_tokens'),
  };
}

/** Folds a later usage report (`message_delta`) over an earlier one: fields it carries win. */
export function mergeAnthropicUsage(
  earlier: AnthropicUsage,
  later: AnthropicUsage | undefined,
): AnthropicUsage {
  if (later === undefined || later === null) return earlier;
  const merged: Record<string, unknown> = { ...earlier };
  for (const [key, value] of Object.entries(later)) {
    if (value !== null && value !== undefined) merged[key] = value;
  }
  return merged as AnthropicUsage;
}
