import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createBedrock } from '../providers/bedrock/index.js';
import { createCassetteFetch } from '../testing/cassette/create-cassette-fetch.js';
import { embedMany } from './embed-many.js';

// A fixture session written from Bedrock's InvokeModel docs for Titan text embeddings (one value per call).
const cassette = fileURLToPath(new URL('../../test/fixtures/embed-many-titan.yaml', import.meta.url));

describe('embedMany over a replayed session', () => {
  it('splits into one request per value for Titan, replays them concurrently and keeps the order', async () => {
    const fetch = createCassetteFetch({ path: cassette, mode: 'replay' });
    const model = createBedrock({ apiKey: 'bedrock-test-key', region: 'us-east-1', fetch }).embeddingModel(
      'amazon.titan-embed-text-v2:0',
    );
    const result = await embedMany({
      model,
      values: ['red apple', 'green pear', 'yellow banana'],
      maxParallelCalls: 3,
    });
    expect(result.embeddings).toEqual([
      [0.1, 0.2, 0.3],
      [0.4, 0.5, 0.6],
      [0.7, 0.8, 0.9],
    ]);
    expect(result.usage).toEqual({ tokens: 6 });
    expect(fetch.remaining()).toBe(0);
  });
});
