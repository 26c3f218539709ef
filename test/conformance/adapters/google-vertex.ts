import { createVertex } from '../../../src/providers/google/index.js';
import type { ConformanceAdapter } from '../adapter.js';
import { countingIds } from './google.js';

/** Vertex AI (Gemini models); project and location come from the recorded URL. */
export const adapter: ConformanceAdapter = {
  createModel: (entry, fetch) => {
    const match = /\/projects\/([^/]+)\/locations\/([^/]+)\//.exec(entry.firstRequestURL);
    return createVertex({
      project: match?.[1] ?? 'fantasy-playground-472418',
      location: match?.[2] ?? 'us-east5',
      accessToken: 'dummy-token',
      fetch,
      generateId: countingIds(),
    }).languageModel(entry.model);
  },
};
