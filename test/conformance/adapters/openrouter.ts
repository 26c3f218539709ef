import { createOpenRouter } from '../../../src/providers/openrouter/index.js';
import type { ConformanceAdapter } from '../adapter.js';

/** OpenRouter; the manifest's `openrouter` options (reasoning) map by the default camelCase rule. */
export const adapter: ConformanceAdapter = {
  createModel: (entry, fetch) =>
    createOpenRouter({ apiKey: 'replay-key', baseURL: entry.baseURL, fetch }).languageModel(entry.model),
};
