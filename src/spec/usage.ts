/**
 * Token counts of a call, the same contract on every provider:
 * - `inputTokens + cacheReadTokens + cacheCreationTokens` is the prompt: `inputTokens` counts only prompt
 *   tokens neither read from nor written to the cache (as Fantasy counts them);
 * - `outputTokens` includes `reasoningTokens` (as OpenAI counts them; providers that report reasoning apart,
 *   such as xAI and Gemini, have it added);
 * - `totalTokens` is what the provider reported (or the sum when it reports none).
 */
export interface Usage {
  /** Prompt tokens not read from or written to the cache. */
  inputTokens: number;
  /** Generated tokens, reasoning included. */
  outputTokens: number;
  /** The provider's total. */
  totalTokens: number;
  /** The part of `outputTokens` spent on reasoning. */
  reasoningTokens: number;
  /** Prompt tokens written to the cache (Anthropic, Bedrock). */
  cacheCreationTokens: number;
  /** Prompt tokens read from the cache. */
  cacheReadTokens: number;
}

/** A usage of all zeros. */
export function emptyUsage(): Usage {
  return {
    inputTokens: 0,
    outputTokens: 0,
    totalTokens: 0,
    reasoningTokens: 0,
    cacheCreationTokens: 0,
    cacheReadTokens: 0,
  };
}

/** Field-wise sum of two usages. */
export function addUsage(left: Usage, right: Usage): Usage {
  return {
    inputTokens: left.inputTokens + right.inputTokens,
    outputTokens: left.outputTokens + right.outputTokens,
    totalTokens: left.totalTokens + right.totalTokens,
    reasoningTokens: left.reasoningTokens + right.reasoningTokens,
    cacheCreationTokens: left.cacheCreationTokens + right.cacheCreationTokens,
    cacheReadTokens: left.cacheReadTokens + right.cacheReadTokens,
  };
}
