import type { Usage } from '../../spec/usage.js';
import type { GoogleUsageMetadata } from './google-api.js';

/**
 * Maps Gemini usage. `promptTokenCount` includes cached tokens: input counts only the rest, and the cached
 * ones are `cacheReadTokens`. Output excludes thoughts, which are `reasoningTokens`; total is Gemini's own.
 */
export function mapGoogleUsage(usage: GoogleUsageMetadata | undefined): Usage {
  const cached = usage?.cachedContentTokenCount ?? 0;
  return {
    inputTokens: Math.max(0, (usage?.promptTokenCount ?? 0) - cached),
    outputTokens: usage?.candidatesTokenCount ?? 0,
    totalTokens: usage?.totalTokenCount ?? 0,
    reasoningTokens: usage?.thoughtsTokenCount ?? 0,
    cacheCreationTokens: 0,
    cacheReadTokens: cached,
  };
}
