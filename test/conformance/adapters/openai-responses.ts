import { createOpenAI, webSearchTool } from '../../../src/providers/openai/index.js';
import type { ConformanceAdapter } from '../adapter.js';

/** OpenAI with `useResponsesAPI` (every recorded model is a Responses model); options map by camelCasing. */
export const adapter: ConformanceAdapter = {
  createModel: (entry, fetch) =>
    createOpenAI({
      apiKey: 'replay-key',
      baseURL: entry.baseURL,
      fetch,
      useResponsesAPI: true,
    }).languageModel(entry.model),
  webSearchTool: () => webSearchTool(),
};
