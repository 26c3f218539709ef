import { createBedrock } from '../../../src/providers/bedrock/index.js';
import type { ConformanceAdapter } from '../adapter.js';

/** Bedrock's bearer path (Fantasy replays with `WithSkipAuth`, a bearer token, region us-east-1). */
export const adapter: ConformanceAdapter = {
  createModel: (entry, fetch) =>
    createBedrock({ apiKey: 'replay-key', region: 'us-east-1', baseURL: entry.baseURL, fetch }).languageModel(
      entry.model,
    ),
};
