import { createOpenAICompatible } from '../../../src/providers/openaicompat/index.js';
import type { ConformanceAdapter } from '../adapter.js';

/** Any OpenAI-compatible endpoint; entries recorded without a key (llama.cpp) replay without one. */
export const adapter: ConformanceAdapter = {
  createModel: (entry, fetch) =>
    createOpenAICompatible({
      baseURL: entry.baseURL,
      ...(entry.notes?.includes('no API key') ? {} : { apiKey: 'replay-key' }),
      fetch,
    }).languageModel(entry.model),
};
