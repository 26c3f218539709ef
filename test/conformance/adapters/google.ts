import { createGoogle } from '../../../src/providers/google/index.js';
import type { ConformanceAdapter } from '../adapter.js';

/**
 * Fantasy's Google tests inject a counter as the tool-call id function (SCENARIOS.md §9): "1", "2", … per
 * model, used for the function calls Gemini returns without an id.
 */
export function countingIds(): () => string {
  let count = 0;
  return () => String(++count);
}

/** The Gemini API; the manifest's base URL is the host, the API version is ours. */
export const adapter: ConformanceAdapter = {
  createModel: (entry, fetch) =>
    createGoogle({
      apiKey: 'replay-key',
      baseURL: `${entry.baseURL.replace(/\/+$/, '')}/v1beta`,
      fetch,
      generateId: countingIds(),
    }).languageModel(entry.model),
};
