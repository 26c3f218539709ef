import { afterEach, describe, expect, it, vi } from 'vitest';
import { APICallError } from '../../errors/api-call-error.js';
import { InvalidArgumentError } from '../../errors/invalid-argument-error.js';
import { LoadAPIKeyError } from '../../errors/load-api-key-error.js';
import { userMessage } from '../../spec/message.js';
import { createGoogle, createVertex } from './index.js';
import { mapGoogleFinishReason } from './map-google-finish-reason.js';

interface SentRequest {
  url: string;
  headers: Record<string, string>;
  body: unknown;
}

/** A fetch that records each request and answers with a JSON body. */
function jsonFetch(answer: unknown, status = 200): { fetch: typeof fetch; sent: SentRequest[] } {
  const sent: SentRequest[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    sent.push({
      url: String(input),
      headers: Object.fromEntries(new Headers(init?.headers).entries()),
      body: JSON.parse(String(init?.body)),
    });
    return new Response(JSON.stringify(answer), { status, headers: { 'content-type': 'application/json' } });
  };
  return { fetch, sent };
}

const answer = {
  candidates: [
    {
      content: {
        role: 'model',
        parts: [
          { text: 'Checking the weather.', thought: true },
          { text: 'Let me look.', thoughtSignature: 'VEVYVA==' },
          { functionCall: { name: 'weather', args: { location: 'Florence' } }, thoughtSignature: 'Q0FMTA==' },
          { functionCall: { id: 'own-id', name: 'weather', args: { location: 'Rome' } } },
        ],
      },
      finishReason: 'STOP',
    },
  ],
  usageMetadata: {
    promptTokenCount: 54,
    candidatesTokenCount: 15,
    totalTokenCount: 117,
    thoughtsTokenCount: 48,
  },
  modelVersion: 'gemini-2.5-flash',
  responseId: 'resp-1',
};

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('GoogleLanguageModel.generate', () => {
  it('maps thoughts, signatures, ids, finish reason and usage of a response', async () => {
    const { fetch } = jsonFetch(answer);
    const model = createGoogle({ apiKey: 'k', fetch, generateId: () => 'generated' }).languageModel(
      'gemini-2.5-flash',
    );
    const result = await model.generate({ prompt: [userMessage('hi')] });
    expect(result.content).toEqual([
      {
        type: 'reasoning',
        text: 'Checking the weather.',
        providerMetadata: { google: { thoughtSignature: 'VEVYVA==' } },
      },
      { type: 'text', text: 'Let me look.' },
      { type: 'reasoning', text: '', providerMetadata: { google: { thoughtSignature: 'Q0FMTA==' } } },
      { type: 'tool-call', toolCallId: 'generated', toolName: 'weather', input: '{"location":"Florence"}' },
      { type: 'tool-call', toolCallId: 'own-id', toolName: 'weather', input: '{"location":"Rome"}' },
    ]);
    expect(result.finishReason).toBe('tool-calls');
    expect(result.usage).toEqual({
      inputTokens: 54,
      outputTokens: 63, // 15 candidates + 48 thoughts: output includes reasoning
      totalTokens: 117,
      reasoningTokens: 48,
      cacheCreationTokens: 0,
      cacheReadTokens: 0,
    });
    expect(result.response).toMatchObject({ id: 'resp-1', modelId: 'gemini-2.5-flash' });
  });

  it('posts to models/<id>:generateContent with the key in x-goog-api-key', async () => {
    const { fetch, sent } = jsonFetch(answer);
    const model = createGoogle({ apiKey: 'secret', fetch, headers: { 'x-extra': '1' } }).languageModel(
      'gemini-2.5-pro',
    );
    await model.generate({ prompt: [userMessage('hi')] });
    expect(sent[0]?.url).toBe(
      'https://generativelanguage.googleapis.com/v1beta/models/gemini-2.5-pro:generateContent',
    );
    expect(sent[0]?.headers).toMatchObject({ 'x-goog-api-key': 'secret', 'x-extra': '1' });
  });

  it('reads the key from GOOGLE_GENERATIVE_AI_API_KEY, then GEMINI_API_KEY, and says which to set when neither is', async () => {
    const { fetch, sent } = jsonFetch(answer);
    const model = createGoogle({ fetch }).languageModel('gemini-2.5-flash');
    vi.stubEnv('GOOGLE_GENERATIVE_AI_API_KEY', '');
    vi.stubEnv('GEMINI_API_KEY', 'from-gemini');
    await model.generate({ prompt: [userMessage('hi')] });
    expect(sent[0]?.headers['x-goog-api-key']).toBe('from-gemini');
    vi.stubEnv('GEMINI_API_KEY', '');
    const error = await model.generate({ prompt: [userMessage('hi')] }).catch((caught: unknown) => caught);
    expect(LoadAPIKeyError.isInstance(error)).toBe(true);
    expect((error as Error).message).toContain('GOOGLE_GENERATIVE_AI_API_KEY');
  });

  it('turns a Google error body into an APICallError with its message and status, not retryable for 400', async () => {
    const { fetch } = jsonFetch(
      { error: { code: 400, message: 'API key not valid.', status: 'INVALID_ARGUMENT' } },
      400,
    );
    const model = createGoogle({ apiKey: 'k', fetch }).languageModel('gemini-2.5-flash');
    const error = await model.generate({ prompt: [userMessage('hi')] }).catch((caught: unknown) => caught);
    expect(APICallError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ statusCode: 400, isRetryable: false, errorType: 'INVALID_ARGUMENT' });
    expect((error as Error).message).toContain('API key not valid.');
  });

  it('marks 429 RESOURCE_EXHAUSTED and 5xx errors retryable', async () => {
    for (const [status, code] of [
      [429, 'RESOURCE_EXHAUSTED'],
      [503, 'UNAVAILABLE'],
    ] as const) {
      const { fetch } = jsonFetch({ error: { code: status, message: 'try later', status: code } }, status);
      const model = createGoogle({ apiKey: 'k', fetch }).languageModel('gemini-2.5-flash');
      const error = await model
        .generate({ prompt: [userMessage('hi')], maxRetries: 0 })
        .catch((caught: unknown) => caught);
      expect(error).toMatchObject({ statusCode: status, isRetryable: true, errorType: code });
    }
  });

  it('returns no content and content-filter when Gemini blocks the prompt', async () => {
    const { fetch } = jsonFetch({ promptFeedback: { blockReason: 'PROHIBITED_CONTENT' }, usageMetadata: {} });
    const model = createGoogle({ apiKey: 'k', fetch }).languageModel('gemini-2.5-flash');
    const result = await model.generate({ prompt: [userMessage('hi')] });
    expect(result.content).toEqual([]);
    expect(result.finishReason).toBe('content-filter');
  });
});

describe('createVertex', () => {
  it('posts to the regional publisher URL with a fresh bearer token, and no function call ids', async () => {
    const { fetch, sent } = jsonFetch(answer);
    const getAccessToken = vi.fn(async () => 'token-1');
    const model = createVertex({ project: 'p', location: 'us-east5', getAccessToken, fetch }).languageModel(
      'gemini-2.5-flash',
    );
    await model.generate({
      prompt: [
        userMessage('hi'),
        {
          role: 'assistant',
          content: [{ type: 'tool-call', toolCallId: '1', toolName: 'weather', input: '{}' }],
        },
        {
          role: 'tool',
          content: [{ type: 'tool-result', toolCallId: '1', output: { type: 'text', text: '40 C' } }],
        },
      ],
    });
    expect(sent[0]?.url).toBe(
      'https://us-east5-aiplatform.googleapis.com/v1beta1/projects/p/locations/us-east5/publishers/google/models/gemini-2.5-flash:generateContent',
    );
    expect(sent[0]?.headers.authorization).toBe('Bearer token-1');
    expect(JSON.stringify(sent[0]?.body)).not.toContain('"id"');
    expect(getAccessToken).toHaveBeenCalledOnce();
  });

  it('uses the bare host for the global location and reads project and location from the environment', async () => {
    vi.stubEnv('GOOGLE_VERTEX_PROJECT', 'env-project');
    vi.stubEnv('GOOGLE_VERTEX_LOCATION', 'global');
    const { fetch, sent } = jsonFetch(answer);
    await createVertex({ accessToken: 't', fetch })
      .languageModel('gemini-2.5-pro')
      .generate({ prompt: [userMessage('hi')] });
    expect(sent[0]?.url).toBe(
      'https://aiplatform.googleapis.com/v1beta1/projects/env-project/locations/global/publishers/google/models/gemini-2.5-pro:generateContent',
    );
  });

  it('fails the call with a fix-it message when there is no project or no token', async () => {
    vi.stubEnv('GOOGLE_VERTEX_PROJECT', '');
    const { fetch } = jsonFetch(answer);
    const noProject = await createVertex({ location: 'us-east5', accessToken: 't', fetch })
      .languageModel('gemini-2.5-pro')
      .generate({ prompt: [userMessage('hi')] })
      .catch((caught: unknown) => caught);
    expect(InvalidArgumentError.isInstance(noProject)).toBe(true);
    expect((noProject as Error).message).toContain('GOOGLE_VERTEX_PROJECT');
    const noToken = await createVertex({ project: 'p', location: 'us-east5', fetch })
      .languageModel('gemini-2.5-pro')
      .generate({ prompt: [userMessage('hi')] })
      .catch((caught: unknown) => caught);
    expect((noToken as Error).message).toContain('accessToken');
  });
});

describe('mapGoogleFinishReason', () => {
  it('maps stops, limits, filters and errors', () => {
    const reasons = ['STOP', 'MAX_TOKENS', 'SAFETY', 'RECITATION', 'BLOCKLIST', 'PROHIBITED_CONTENT', 'SPII'];
    expect(reasons.map(mapGoogleFinishReason)).toEqual([
      'stop',
      'length',
      'content-filter',
      'content-filter',
      'content-filter',
      'content-filter',
      'content-filter',
    ]);
    expect(['MALFORMED_FUNCTION_CALL', 'OTHER', 'NEW_REASON', undefined].map(mapGoogleFinishReason)).toEqual([
      'error',
      'other',
      'unknown',
      'unknown',
    ]);
  });
});
