import type { AnthropicUsage } from './anthropic-api.js';

const countedFields = [
  'input_tokens',
  'output_tokens',
  'cache_creation_input_tokens',
  'cache_read_input_tokens',
] as const;

/**
 * Usage with its `iterations` counted in: a response that compacted its context ran more than one sampling
 * step, and Anthropic reports the top-level counts for the last step only, so the totals are the sums over
 * `usage.iterations`. Usage without iterations is returned unchanged.
 */
export function sumAnthropicIterations(usage: AnthropicUsage | undefined): AnthropicUsage | undefined {
  const iterations = usage?.iterations;
  if (!Array.isArray(iterations) || iterations.length === 0) return usage;
  const summed: AnthropicUsage = { ...usage };
  for (const field of countedFields) {
    summed[field] = iterations.reduce((total, iteration) => total + (iteration[field] ?? 0), 0);
  }
  return summed;
}
