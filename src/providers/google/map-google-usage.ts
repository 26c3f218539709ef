import type { Usage } from '../../spec/usage.js';
import { readTokenCount } from '../shared/read-token-count.js';
import type { GoogleUsageMetadata } from './google-api.js';

/**
 * Maps Gemini usage. `promptTokenCount` includes cached tokens: input counts only the rest, and the cached
 * ones are `cacheReadTokens`. Gemini's `candidatesTokenCount` excludes thoughts (`thoughtsTokenCount`), so
 * output is their sum (output includes reasoning everywhere); total is Gemini's own. A count that is not a
 * token count throws an `InvalidResponseError`.
 */
export function mapGoogleUsage(usage: GoogleUsageMetadata | undefined): Usage {
  const read = (field: string) => (usage ? (readTokenCount(usage, field) ?? 0) : 0);
  const cached = read('cachedContentTokenCount');
  const thoughts = read('thoughtsTokenCount');
  return {
    inputTokens: Math.max(0, read('promptTokenCount') - cached),
    outputTokens: read('candidatesTokenCount') + thoughts,
    totalTokens: read('totalTokenCount'),
    reasoningTokens: thoughts,
    cacheCreationTokens: 0,
    cacheReadTokens: cached,
  };
}
