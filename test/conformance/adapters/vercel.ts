import { createVercelGateway } from '../../../src/providers/vercel/index.js';
import type { ConformanceAdapter } from '../adapter.js';

/** The Vercel AI Gateway; the manifest's `vercel` options (reasoning) map by the default camelCase rule. */
export const adapter: ConformanceAdapter = {
  createModel: (entry, fetch) =>
    createVercelGateway({ apiKey: 'replay-key', baseURL: entry.baseURL, fetch }).languageModel(entry.model),
};
