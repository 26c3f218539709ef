import type { Usage } from '../../spec/usage.js';
import type { ChatUsage } from './openai-chat-api.js';

/**
 * Maps chat-completions usage. Input counts only prompt tokens not read from the cache (Fantasy's rule:
 * `prompt_tokens - cached_tokens`), and the cached ones are `cacheReadTokens`.
 */
export function mapOpenAIChatUsage(usage: ChatUsage | null | undefined): Usage {
  const cached = usage?.prompt_tokens_details?.cached_tokens ?? 0;
  return {
    inputTokens: Math.max(0, (usage?.prompt_tokens ?? 0) - cached),
    outputTokens: usage?.completion_tokens ?? 0,
    totalTokens: usage?.total_tokens ?? 0,
    reasoningTokens: usage?.completion_tokens_details?.reasoning_tokens ?? 0,
    cacheCreationTokens: 0,
    cacheReadTokens: cached,
  };
}
