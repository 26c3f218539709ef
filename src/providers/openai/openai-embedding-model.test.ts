import { describe, expect, it } from 'vitest';
import { EmbeddingInputTooLongError } from '../../errors/embedding-input-too-long-error.js';
import { InvalidArgumentError } from '../../errors/invalid-argument-error.js';
import { InvalidResponseError } from '../../errors/invalid-response-error.js';
import { TooManyEmbeddingValuesError } from '../../errors/too-many-embedding-values-error.js';
import { createAzure } from '../azure/index.js';
import { createOpenAICompatible } from '../openaicompat/index.js';
import { createOpenRouter } from '../openrouter/index.js';
import { createVercelGateway } from '../vercel/index.js';
import { createOpenAI } from './index.js';

/** Float32 little-endian vector as base64, as OpenAI sends with `encoding_format: base64`. */
function base64Vector(values: number[]): string {
  const bytes = new Uint8Array(new Float32Array(values).buffer);
  return btoa(String.fromCharCode(...bytes));
}

/** A fetch answering one JSON body and keeping the request. */
function answering(body: unknown, status = 200) {
  const requests: Array<{ url: string; headers: Headers; body: Record<string, unknown> }> = [];
  const fetch: typeof globalThis.fetch = async (url, init) => {
    requests.push({
      url: String(url),
      headers: new Headers(init?.headers),
      body: JSON.parse(String(init?.body)),
    });
    return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  };
  return { fetch, requests };
}

// Shaped like the documented response of POST /v1/embeddings.
const response = {
  object: 'list',
  data: [
    { object: 'embedding', index: 1, embedding: base64Vector([0.5, -0.25]) },
    { object: 'embedding', index: 0, embedding: base64Vector([1, 0.125]) },
  ],
  model: 'text-embedding-3-small',
  usage: { prompt_tokens: 7, total_tokens: 7 },
};

describe('OpenAI embeddings', () => {
  it('asks for base64 vectors, decodes them to numbers in input order, and reports usage', async () => {
    const { fetch, requests } = answering(response);
    const model = createOpenAI({ apiKey: 'test-key', fetch }).embeddingModel('text-embedding-3-small');
    const result = await model.embed({
      values: ['first', 'second'],
      dimensions: 2,
      providerOptions: { openai: { user: 'u-1' } },
    });
    expect(requests[0]?.url).toBe('https://api.openai.com/v1/embeddings');
    expect(requests[0]?.headers.get('authorization')).toBe('Bearer test-key');
    expect(requests[0]?.body).toEqual({
      model: 'text-embedding-3-small',
      input: ['first', 'second'],
      encoding_format: 'base64',
      dimensions: 2,
      user: 'u-1',
    });
    expect(result.embeddings).toEqual([
      [1, 0.125],
      [0.5, -0.25],
    ]);
    expect(result.usage).toEqual({ tokens: 7 });
    expect(result.response?.modelId).toBe('text-embedding-3-small');
  });

  it('reads float vectors too', async () => {
    const { fetch } = answering({ data: [{ index: 0, embedding: [0.1, 0.2] }], usage: { prompt_tokens: 1 } });
    const result = await createOpenAI({ apiKey: 'k', fetch })
      .embeddingModel('e')
      .embed({ values: ['x'] });
    expect(result.embeddings).toEqual([[0.1, 0.2]]);
  });

  it('refuses more than 2,048 values in one call and points to embedMany', async () => {
    const model = createOpenAI({ apiKey: 'k', fetch: answering(response).fetch }).embeddingModel('e');
    const failure = await model.embed({ values: new Array(2049).fill('x') }).catch((error: unknown) => error);
    expect(TooManyEmbeddingValuesError.isInstance(failure)).toBe(true);
    expect((failure as Error).message).toContain('use embedMany');
  });

  it('refuses dimensions that are not a positive integer before sending', async () => {
    const { fetch, requests } = answering(response);
    const model = createOpenAI({ apiKey: 'k', fetch }).embeddingModel('e');
    await expect(model.embed({ values: ['x'], dimensions: 0 })).rejects.toSatisfy(
      InvalidArgumentError.isInstance,
    );
    await expect(model.embed({ values: ['x'], dimensions: 1.5 })).rejects.toThrow(/positive integer/);
    expect(requests).toHaveLength(0);
  });

  it('turns the provider’s over-length 400 into EmbeddingInputTooLongError', async () => {
    const { fetch } = answering(
      {
        error: {
          message: "This model's maximum context length is 8192 tokens, however you requested 9000 tokens.",
          type: 'invalid_request_error',
        },
      },
      400,
    );
    const failure = await createOpenAI({ apiKey: 'k', fetch })
      .embeddingModel('e')
      .embed({ values: ['long'] })
      .catch((error: unknown) => error);
    expect(EmbeddingInputTooLongError.isInstance(failure)).toBe(true);
    expect((failure as Error).message).toContain('shorten or split it');
    expect((failure as Error).message).toContain('8192 tokens');
  });

  it('rejects an answer with the wrong number of vectors or a vector that is not numbers', async () => {
    const short = answering({ data: [{ index: 0, embedding: [1] }] });
    await expect(
      createOpenAI({ apiKey: 'k', fetch: short.fetch })
        .embeddingModel('e')
        .embed({ values: ['a', 'b'] }),
    ).rejects.toSatisfy(InvalidResponseError.isInstance);
    const broken = answering({ data: [{ index: 0, embedding: ['x'] }] });
    await expect(
      createOpenAI({ apiKey: 'k', fetch: broken.fetch })
        .embeddingModel('e')
        .embed({ values: ['a'] }),
    ).rejects.toThrow(/not a vector/);
  });
});

describe('embeddings on OpenAI-style services', () => {
  it('Azure posts to the v1 /embeddings with api-key', async () => {
    const { fetch, requests } = answering({ data: [{ index: 0, embedding: base64Vector([1]) }] });
    await createAzure({ resourceName: 'res', apiKey: 'azure-key', fetch })
      .embeddingModel('my-embedding')
      .embed({ values: ['a'] });
    expect(requests[0]?.url).toBe('https://res.openai.azure.com/openai/v1/embeddings');
    expect(requests[0]?.headers.get('api-key')).toBe('azure-key');
    expect(requests[0]?.body.model).toBe('my-embedding');
  });

  it('OpenAI-compatible servers get float vectors and no batch limit', async () => {
    const { fetch, requests } = answering({ data: [{ index: 0, embedding: [0.5] }] });
    const model = createOpenAICompatible({
      baseURL: 'http://127.0.0.1:8080/v1/',
      apiKey: 'local',
      fetch,
    }).embeddingModel('nomic-embed-text');
    await model.embed({ values: ['a'] });
    expect(requests[0]?.url).toBe('http://127.0.0.1:8080/v1/embeddings');
    expect(requests[0]?.body.encoding_format).toBe('float');
    expect(model.maxValuesPerCall).toBeUndefined();
  });

  it('OpenRouter and the Vercel AI Gateway post to their /embeddings with a bearer key', async () => {
    const router = answering({ data: [{ index: 0, embedding: [1] }] });
    await createOpenRouter({ apiKey: 'or-key', fetch: router.fetch })
      .embeddingModel('openai/text-embedding-3-small')
      .embed({ values: ['a'] });
    expect(router.requests[0]?.url).toBe('https://openrouter.ai/api/v1/embeddings');
    expect(router.requests[0]?.headers.get('authorization')).toBe('Bearer or-key');
    const gateway = answering({ data: [{ index: 0, embedding: [1] }] });
    await createVercelGateway({ apiKey: 'gw-key', fetch: gateway.fetch })
      .embeddingModel('openai/text-embedding-3-small')
      .embed({ values: ['a'] });
    expect(gateway.requests[0]?.url).toBe('https://ai-gateway.vercel.sh/v1/embeddings');
  });
});
