import { emptyUsage, type Usage } from '../../spec/usage.js';
import { readTokenCount, readUsageDetails } from '../shared/read-token-count.js';
import { isWireObject, wireTypeError } from '../shared/wire-type-error.js';
import type { ChatUsage } from './openai-chat-api.js';

/**
 * Maps chat-completions usage to the usage contract (see `Usage`): input counts only prompt tokens not read
 * from the cache, cached ones are `cacheReadTokens`, output includes reasoning, total is the service's.
 *
 * Services differ in how they report this, and each is read as documented:
 * - the cached count is `prompt_tokens_details.cached_tokens` (OpenAI, xAI, Kimi K2), a top-level
 *   `cached_tokens` (Moonshot v1) or `prompt_cache_hit_tokens` (DeepSeek, whose `prompt_cache_hit_tokens +
 *   prompt_cache_miss_tokens` is the prompt);
 * - xAI's `completion_tokens` excludes reasoning (`prompt + completion + reasoning = total`), where OpenAI's
 *   includes it: when the reported total only adds up with reasoning on top of the completion, the reasoning
 *   tokens are added to the output.
 *
 * A count that is not a non-negative integer throws an `InvalidResponseError`.
 */
export function mapOpenAIChatUsage(usage: ChatUsage | null | undefined): Usage {
  if (usage === null || usage === undefined) return emptyUsage();
  if (!isWireObject(usage)) throw wireTypeError({ path: 'usage', expected: 'an object', value: usage });
  const promptDetails = readUsageDetails(usage, 'prompt_tokens_details');
  const completionDetails = readUsageDetails(usage, 'completion_tokens_details');
  const hit = readTokenCount(usage, 'prompt_cache_hit_tokens');
  const miss = readTokenCount(usage, 'prompt_cache_miss_tokens');
  const cached =
    (promptDetails &&
      readTokenCount(promptDetails, 'cached_tokens', 'prompt_tokens_details.cached_tokens')) ??
    readTokenCount(usage, 'cached_tokens') ??
    hit ??
    0;
  const prompt =
    readTokenCount(usage, 'prompt_tokens') ?? (hit !== undefined && miss !== undefined ? hit + miss : 0);
  const completion = readTokenCount(usage, 'completion_tokens') ?? 0;
  const reasoning =
    (completionDetails &&
      readTokenCount(completionDetails, 'reasoning_tokens', 'completion_tokens_details.reasoning_tokens')) ??
    0;
  const total = readTokenCount(usage, 'total_tokens');
  const outputTokens = reasoningExcluded({ prompt, completion, reasoning, total })
    ? completion + reasoning
    : completion;
  return {
    inputTokens: Math.max(0, prompt - cached),
    outputTokens,
    totalTokens: total ?? prompt + outputTokens,
    reasoningTokens: reasoning,
    cacheCreationTokens: 0,
    cacheReadTokens: cached,
  };
}

/** True when the total adds up only with reasoning beside the completion (xAI), not inside it (OpenAI). */
function reasoningExcluded(counts: {
  prompt: number;
  completion: number;
  reasoning: number;
  total: number | undefined;
}): boolean {
  const { prompt, completion, reasoning, total } = counts;
  return reasoning > 0 && total === prompt + completion + reasoning && total !== prompt + completion;
}
