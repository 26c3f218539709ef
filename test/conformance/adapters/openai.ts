import { createOpenAI } from '../../../src/providers/openai/index.js';
import type { ConformanceAdapter } from '../adapter.js';

/** OpenAI chat completions. */
export const adapter: ConformanceAdapter = {
  createModel: (entry, fetch) =>
    createOpenAI({ apiKey: 'replay-key', baseURL: entry.baseURL, fetch }).chat(entry.model),
};
