import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { APICallError } from '../errors/api-call-error.js';
import type { EmbedCallOptions, EmbeddingModel } from '../spec/embedding-model.js';
import { cosineSimilarity } from './cosine-similarity.js';
import { embed } from './embed.js';
import { embedMany, splitValues } from './embed-many.js';

/** A fake model: the vector of a value is [its length, its first char code]; batches and concurrency recorded. */
function fakeModel(
  options: { maxValuesPerCall?: number; parallel?: boolean; delay?: (batch: number) => number } = {},
) {
  const batches: string[][] = [];
  let active = 0;
  let maxActive = 0;
  const model: EmbeddingModel = {
    provider: 'fake',
    modelId: 'fake-embed',
    maxValuesPerCall: options.maxValuesPerCall,
    supportsParallelCalls: options.parallel ?? true,
    async embed(call: EmbedCallOptions) {
      const batch = batches.push(call.values) - 1;
      active++;
      maxActive = Math.max(maxActive, active);
      await new Promise((resolve) => setTimeout(resolve, options.delay?.(batch) ?? 0));
      active--;
      return {
        embeddings: call.values.map((value) => [value.length, value.charCodeAt(0) || 0]),
        usage: { tokens: call.values.length },
        warnings: [],
      };
    },
  };
  return { model, batches, maxActive: () => maxActive };
}

describe('embedMany', () => {
  it('splits into the model’s batch size, keeps order and sums usage', async () => {
    const values = ['a', 'bb', 'ccc', 'dddd', 'eeeee'];
    const { model, batches } = fakeModel({ maxValuesPerCall: 2, delay: (batch) => (batch === 0 ? 30 : 0) });
    const result = await embedMany({ model, values });
    expect(batches).toEqual([['a', 'bb'], ['ccc', 'dddd'], ['eeeee']]);
    expect(result.embeddings).toEqual(values.map((value) => [value.length, value.charCodeAt(0)]));
    expect(result.usage).toEqual({ tokens: 5 });
  });

  it('keeps order for any batch size and concurrency (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.string({ minLength: 1, maxLength: 6 }), { maxLength: 40 }),
        fc.integer({ min: 1, max: 7 }),
        fc.integer({ min: 1, max: 5 }),
        fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 8 }),
        async (values, size, parallel, delays) => {
          const { model, maxActive } = fakeModel({
            maxValuesPerCall: size,
            delay: (batch) => delays[batch % delays.length]!,
          });
          const result = await embedMany({ model, values, maxParallelCalls: parallel });
          expect(result.embeddings).toEqual(values.map((value) => [value.length, value.charCodeAt(0) || 0]));
          expect(maxActive()).toBeLessThanOrEqual(parallel);
        },
      ),
      { seed: 11, numRuns: 60 },
    );
  });

  it('runs one batch at a time for models that cannot take parallel calls', async () => {
    const { model, maxActive } = fakeModel({ maxValuesPerCall: 1, parallel: false, delay: () => 2 });
    await embedMany({ model, values: ['a', 'b', 'c', 'd'], maxParallelCalls: 4 });
    expect(maxActive()).toBe(1);
  });

  it('retries a batch that failed with a retryable error, and only that batch', async () => {
    const calls: string[][] = [];
    let failed = false;
    const model: EmbeddingModel = {
      provider: 'fake',
      modelId: 'flaky',
      maxValuesPerCall: 1,
      supportsParallelCalls: true,
      async embed(call) {
        calls.push(call.values);
        if (call.values[0] === 'b' && !failed) {
          failed = true;
          throw new APICallError({
            url: 'https://x/embeddings',
            statusCode: 429,
            message: 'slow down',
            responseHeaders: { 'retry-after-ms': '1' },
          });
        }
        return { embeddings: [[1]], usage: { tokens: 1 }, warnings: [] };
      },
    };
    const result = await embedMany({ model, values: ['a', 'b', 'c'], maxParallelCalls: 1 });
    expect(calls).toEqual([['a'], ['b'], ['b'], ['c']]);
    expect(result.embeddings).toHaveLength(3);
  });

  it('aborts the other batches when one fails for good', async () => {
    const signals: AbortSignal[] = [];
    const model: EmbeddingModel = {
      provider: 'fake',
      modelId: 'broken',
      maxValuesPerCall: 1,
      supportsParallelCalls: true,
      async embed(call) {
        signals.push(call.abortSignal!);
        if (call.values[0] === 'bad')
          throw new APICallError({ url: 'https://x', statusCode: 400, message: 'no' });
        await new Promise((resolve) => setTimeout(resolve, 50));
        return { embeddings: [[1]], usage: { tokens: 1 }, warnings: [] };
      },
    };
    await expect(embedMany({ model, values: ['ok', 'bad'], maxParallelCalls: 2 })).rejects.toThrow('no');
    expect(signals[0]?.aborted).toBe(true);
  });

  it('rejects a maxParallelCalls that is not a positive integer', async () => {
    await expect(embedMany({ model: fakeModel().model, values: ['a'], maxParallelCalls: 0 })).rejects.toThrow(
      /maxParallelCalls/,
    );
  });

  it('embeds nothing for no values', async () => {
    const { model, batches } = fakeModel();
    expect((await embedMany({ model, values: [] })).embeddings).toEqual([]);
    expect(batches).toEqual([]);
  });
});

describe('embed', () => {
  it('embeds one value', async () => {
    const result = await embed({ model: fakeModel().model, value: 'hey' });
    expect(result).toMatchObject({ value: 'hey', embedding: [3, 104], usage: { tokens: 1 } });
  });
});

describe('splitValues', () => {
  it('keeps every value once, in order, in batches of the size', () => {
    expect(splitValues(['a', 'b', 'c'], 2)).toEqual([['a', 'b'], ['c']]);
    expect(splitValues(['a'], undefined)).toEqual([['a']]);
  });
});

describe('cosineSimilarity', () => {
  it('is 1 for the same direction, 0 for orthogonal, -1 for opposite, 0 for a zero vector', () => {
    expect(cosineSimilarity([1, 2], [2, 4])).toBeCloseTo(1);
    expect(cosineSimilarity([1, 0], [0, 1])).toBe(0);
    expect(cosineSimilarity([1, 1], [-1, -1])).toBeCloseTo(-1);
    expect(cosineSimilarity([0, 0], [1, 1])).toBe(0);
  });

  it('rejects vectors of different lengths', () => {
    expect(() => cosineSimilarity([1], [1, 2])).toThrow(/one length/);
  });
});
