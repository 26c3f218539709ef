import { describe, expect, it } from 'vitest';
import { TooManyEmbeddingValuesError } from '../../errors/too-many-embedding-values-error.js';
import { createBedrock } from '../bedrock/index.js';
import { createGoogle, createVertex } from './index.js';

function answering(body: unknown) {
  const requests: Array<{ url: string; headers: Headers; body: Record<string, unknown> }> = [];
  const fetch: typeof globalThis.fetch = async (url, init) => {
    requests.push({
      url: String(url),
      headers: new Headers(init?.headers),
      body: JSON.parse(String(init?.body)),
    });
    return new Response(JSON.stringify(body), {
      status: 200,
      headers: { 'content-type': 'application/json' },
    });
  };
  return { fetch, requests };
}

describe('Gemini embeddings', () => {
  it('sends one batchEmbedContents request with task type and output dimensionality', async () => {
    // Shaped like the documented batchEmbedContents response.
    const { fetch, requests } = answering({ embeddings: [{ values: [0.1, 0.2] }, { values: [0.3, 0.4] }] });
    const model = createGoogle({ apiKey: 'g-key', fetch }).embeddingModel('gemini-embedding-001');
    const result = await model.embed({
      values: ['a', 'b'],
      dimensions: 2,
      providerOptions: { google: { taskType: 'RETRIEVAL_DOCUMENT' } },
    });
    expect(requests[0]?.url).toBe(
      'https://generativelanguage.googleapis.com/v1beta/models/gemini-embedding-001:batchEmbedContents',
    );
    expect(requests[0]?.headers.get('x-goog-api-key')).toBe('g-key');
    expect(requests[0]?.body).toEqual({
      requests: [
        {
          model: 'models/gemini-embedding-001',
          content: { parts: [{ text: 'a' }] },
          taskType: 'RETRIEVAL_DOCUMENT',
          outputDimensionality: 2,
        },
        {
          model: 'models/gemini-embedding-001',
          content: { parts: [{ text: 'b' }] },
          taskType: 'RETRIEVAL_DOCUMENT',
          outputDimensionality: 2,
        },
      ],
    });
    expect(result.embeddings).toEqual([
      [0.1, 0.2],
      [0.3, 0.4],
    ]);
    expect(model.maxValuesPerCall).toBe(100);
  });
});

describe('Vertex embeddings', () => {
  it('posts instances to predict and sums the token statistics', async () => {
    // Shaped like the documented text-embeddings predict response.
    const { fetch, requests } = answering({
      predictions: [
        { embeddings: { values: [1, 2], statistics: { token_count: 3, truncated: false } } },
        { embeddings: { values: [3, 4], statistics: { token_count: 4, truncated: false } } },
      ],
    });
    const model = createVertex({
      project: 'p',
      location: 'us-central1',
      accessToken: 'tok',
      fetch,
    }).embeddingModel('text-embedding-005');
    const result = await model.embed({
      values: ['a', 'b'],
      providerOptions: { google: { taskType: 'RETRIEVAL_QUERY', autoTruncate: false } },
    });
    expect(requests[0]?.url).toBe(
      'https://us-central1-aiplatform.googleapis.com/v1beta1/projects/p/locations/us-central1/publishers/google/models/text-embedding-005:predict',
    );
    expect(requests[0]?.headers.get('authorization')).toBe('Bearer tok');
    expect(requests[0]?.body).toEqual({
      instances: [
        { content: 'a', task_type: 'RETRIEVAL_QUERY' },
        { content: 'b', task_type: 'RETRIEVAL_QUERY' },
      ],
      parameters: { autoTruncate: false },
    });
    expect(result).toMatchObject({
      embeddings: [
        [1, 2],
        [3, 4],
      ],
      usage: { tokens: 7 },
    });
  });

  it('takes one value a call for gemini-embedding-001 on Vertex', async () => {
    const model = createVertex({
      project: 'p',
      location: 'us-central1',
      accessToken: 't',
      fetch: answering({}).fetch,
    }).embeddingModel('gemini-embedding-001');
    expect(model.maxValuesPerCall).toBe(1);
    await expect(model.embed({ values: ['a', 'b'] })).rejects.toSatisfy(
      TooManyEmbeddingValuesError.isInstance,
    );
  });
});

describe('Bedrock embeddings', () => {
  const credentials = {
    accessKeyId: 'AKIDEXAMPLE',
    secretAccessKey: 'test-secret-value',
    region: 'us-east-1',
  };

  it('invokes Titan with one inputText, dimensions and normalize, signed with SigV4', async () => {
    const { fetch, requests } = answering({ embedding: [0.5, 0.25], inputTextTokenCount: 2 });
    const model = createBedrock({ ...credentials, fetch }).embeddingModel('amazon.titan-embed-text-v2:0');
    const result = await model.embed({
      values: ['hello'],
      dimensions: 256,
      providerOptions: { bedrock: { normalize: true } },
    });
    expect(requests[0]?.url).toBe(
      'https://bedrock-runtime.us-east-1.amazonaws.com/model/amazon.titan-embed-text-v2%3A0/invoke',
    );
    expect(requests[0]?.body).toEqual({ inputText: 'hello', dimensions: 256, normalize: true });
    expect(requests[0]?.headers.get('authorization')).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\//);
    expect(result).toMatchObject({ embeddings: [[0.5, 0.25]], usage: { tokens: 2 } });
    expect(model.maxValuesPerCall).toBe(1);
  });

  it('invokes Cohere with texts and reads the float embeddings by type', async () => {
    const { fetch, requests } = answering({
      id: 'x',
      embeddings: { float: [[1], [2]] },
      response_type: 'embeddings_by_type',
    });
    const model = createBedrock({ apiKey: 'bedrock-api-key', region: 'us-east-1', fetch }).embeddingModel(
      'cohere.embed-english-v3',
    );
    const result = await model.embed({
      values: ['a', 'b'],
      providerOptions: { bedrock: { inputType: 'search_query' } },
    });
    expect(requests[0]?.body).toEqual({
      texts: ['a', 'b'],
      input_type: 'search_query',
      embedding_types: ['float'],
    });
    expect(requests[0]?.headers.get('authorization')).toBe('Bearer bedrock-api-key');
    expect(result.embeddings).toEqual([[1], [2]]);
    expect(model.maxValuesPerCall).toBe(96);
  });
});
