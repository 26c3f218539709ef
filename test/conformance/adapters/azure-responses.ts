import { createAzure } from '../../../src/providers/azure/index.js';
import type { ConformanceAdapter } from '../adapter.js';

/** Azure OpenAI with `useResponsesAPI`, built from the resource URL the session was configured with. */
export const adapter: ConformanceAdapter = {
  createModel: (entry, fetch) =>
    createAzure({
      baseURL: entry.baseURLConfigured ?? entry.baseURL,
      apiKey: 'replay-key',
      fetch,
      useResponsesAPI: true,
    }).languageModel(entry.model),
};
