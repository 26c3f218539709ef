import type { Usage } from '../../../spec/usage.js';
import { readTokenCount, readUsageDetails } from '../../shared/read-token-count.js';
import type { ResponsesUsage } from './openai-responses-api.js';

/**
 * Maps Responses usage as Fantasy counts it: input excludes cached tokens (those are `cacheReadTokens`), and
 * the total is `input_tokens + output_tokens`. `output_tokens` includes reasoning on OpenAI; a service whose
 * `total_tokens` only adds up with reasoning beside the output (xAI's convention) has it added. A count that is
 * not a token count throws an `InvalidResponseError`.
 */
export function mapOpenAIResponsesUsage(usage: ResponsesUsage | null | undefined): Usage {
  const read = (field: string) => (usage ? (readTokenCount(usage, field) ?? 0) : 0);
  const input = read('input_tokens');
  const reported = read('output_tokens');
  const inputDetails = usage && readUsageDetails(usage, 'input_tokens_details');
  const outputDetails = usage && readUsageDetails(usage, 'output_tokens_details');
  const cached =
    (inputDetails && readTokenCount(inputDetails, 'cached_tokens', 'input_tokens_details.cached_tokens')) ??
    0;
  const reasoning =
    (outputDetails &&
      readTokenCount(outputDetails, 'reasoning_tokens', 'output_tokens_details.reasoning_tokens')) ??
    0;
  const total = usage ? readTokenCount(usage, 'total_tokens') : undefined;
  const output =
    reasoning > 0 && total === input + reported + reasoning && total !== input + reported
      ? reported + reasoning
      : reported;
  return {
    inputTokens: Math.max(0, input - cached),
    outputTokens: output,
    totalTokens: input + output,
    reasoningTokens: reasoning,
    cacheCreationTokens: 0,
    cacheReadTokens: cached,
  };
}
