import type { Usage } from '../../../spec/usage.js';
import type { ResponsesUsage } from './openai-responses-api.js';

/**
 * Maps Responses usage as Fantasy counts it: input excludes cached tokens (those are `cacheReadTokens`), and
 * the total is `input_tokens + output_tokens`.
 */
export function mapOpenAIResponsesUsage(usage: ResponsesUsage | null | undefined): Usage {
  const input = usage?.input_tokens ?? 0;
  const output = usage?.output_tokens ?? 0;
  const cached = usage?.input_tokens_details?.cached_tokens ?? 0;
  return {
    inputTokens: Math.max(0, input - cached),
    outputTokens: output,
    totalTokens: input + output,
    reasoningTokens: usage?.output_tokens_details?.reasoning_tokens ?? 0,
    cacheCreationTokens: 0,
    cacheReadTokens: cached,
  };
}
