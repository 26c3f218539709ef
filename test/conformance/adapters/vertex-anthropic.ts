import { createVertexAnthropic } from '../../../src/providers/anthropic/index.js';
import type { ConformanceAdapter } from '../adapter.js';

/** The project and location Fantasy recorded with (its `.env.sample`); replay sends a dummy token, as Go does. */
export const adapter: ConformanceAdapter = {
  createModel: (entry, fetch) => {
    const url = new URL(entry.firstRequestURL);
    const [, , , project, , location] = url.pathname.split('/');
    return createVertexAnthropic({
      project: project ?? 'fantasy-playground-472418',
      location: location ?? 'us-east5',
      baseURL: entry.baseURL,
      accessToken: 'dummy-token',
      fetch,
    }).languageModel(entry.model);
  },
};
