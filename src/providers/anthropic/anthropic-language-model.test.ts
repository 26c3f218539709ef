import { describe, expect, it } from 'vitest';
import { APICallError } from '../../errors/api-call-error.js';
import { LoadAPIKeyError } from '../../errors/load-api-key-error.js';
import type { StreamPart } from '../../spec/stream-part.js';
import { computerUseTool } from './computer-use.js';
import { createAnthropic, createVertexAnthropic, vertexBaseURL } from './index.js';

interface Recorded {
  url: string;
  headers: Headers;
  body: Record<string, unknown>;
}

function fakeFetch(respond: () => Response) {
  const requests: Recorded[] = [];
  const fetch = (async (url: string | URL | Request, init?: RequestInit) => {
    requests.push({
      url: String(url),
      headers: new Headers(init?.headers),
      body: JSON.parse(String(init?.body)),
    });
    return respond();
  }) as typeof globalThis.fetch;
  return { fetch, requests };
}

const prompt = [{ role: 'user' as const, content: [{ type: 'text' as const, text: 'Say hi' }] }];
const message = {
  id: 'msg_1',
  model: 'm',
  content: [{ type: 'text', text: 'Oi' }],
  stop_reason: 'end_turn',
  usage: { input_tokens: 3, output_tokens: 2 },
};

const events = [
  { type: 'message_start', message: { id: 'msg_1', usage: { input_tokens: 3, output_tokens: 1 } } },
  { type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } },
  { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: 'Olá, ' } },
  { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: 'tudo bem? 👋' } },
  { type: 'content_block_stop', index: 0 },
  { type: 'message_delta', delta: { stop_reason: 'end_turn' }, usage: { output_tokens: 5 } },
  { type: 'message_stop' },
];
const sse = new TextEncoder().encode(
  events.map((event) => `event: ${event.type}\r\ndata: ${JSON.stringify(event)}\r\n\r\n`).join(''),
);

function chunkedResponse(chunks: Uint8Array[]): Response {
  return new Response(
    new ReadableStream({
      start(controller) {
        for (const chunk of chunks) controller.enqueue(chunk);
        controller.close();
      },
    }),
    { headers: { 'content-type': 'text/event-stream' } },
  );
}

async function collect(parts: AsyncIterable<StreamPart>): Promise<StreamPart[]> {
  const collected: StreamPart[] = [];
  for await (const part of parts) collected.push(part);
  return collected;
}

describe('the Anthropic language model', () => {
  it('posts to /v1/messages with the API key and version headers', async () => {
    const { fetch, requests } = fakeFetch(() => Response.json(message));
    const model = createAnthropic({ apiKey: 'key', fetch, headers: { 'x-extra': '1' } }).languageModel(
      'claude-x',
    );
    const result = await model.generate({ prompt });
    expect(result.content).toEqual([{ type: 'text', text: 'Oi' }]);
    expect(result.usage.totalTokens).toBe(5);
    expect(result.response?.id).toBe('msg_1');
    expect(requests[0]?.url).toBe('https://api.anthropic.com/v1/messages');
    expect(requests[0]?.headers.get('x-api-key')).toBe('key');
    expect(requests[0]?.headers.get('anthropic-version')).toBe('2023-06-01');
    expect(requests[0]?.headers.get('x-extra')).toBe('1');
    expect(model.provider).toBe('anthropic');
  });

  it('asks for beta features with ?beta=true and the anthropic-beta header', async () => {
    const { fetch, requests } = fakeFetch(() => Response.json(message));
    const model = createAnthropic({ apiKey: 'key', fetch }).languageModel('claude-x');
    const tool = computerUseTool({
      displayWidthPx: 800,
      displayHeightPx: 600,
      toolVersion: 'computer_20250124',
    });
    await model.generate({ prompt, tools: [tool] });
    expect(requests[0]?.url).toBe('https://api.anthropic.com/v1/messages?beta=true');
    expect(requests[0]?.headers.get('anthropic-beta')).toBe('computer-use-2025-01-24');
  });

  it('says how to fix a missing API key', async () => {
    const saved = process.env.ANTHROPIC_API_KEY;
    delete process.env.ANTHROPIC_API_KEY;
    try {
      const model = createAnthropic({ fetch: fakeFetch(() => Response.json(message)).fetch }).languageModel(
        'm',
      );
      await expect(model.generate({ prompt })).rejects.toThrow(LoadAPIKeyError);
      await expect(model.generate({ prompt })).rejects.toThrow(/ANTHROPIC_API_KEY/);
    } finally {
      if (saved !== undefined) process.env.ANTHROPIC_API_KEY = saved;
    }
  });

  it('turns an overloaded error body into a retryable APICallError with the provider’s message', async () => {
    const body = { type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } };
    const { fetch } = fakeFetch(() =>
      Response.json(body, { status: 529, headers: { 'request-id': 'req_1' } }),
    );
    const model = createAnthropic({ apiKey: 'key', fetch }).languageModel('m');
    const error = await model.generate({ prompt, maxRetries: 0 }).catch((caught: unknown) => caught);
    expect(APICallError.isInstance(error)).toBe(true);
    const apiError = error as APICallError;
    expect(apiError.isRetryable).toBe(true);
    expect(apiError.statusCode).toBe(529);
    expect(apiError.errorType).toBe('overloaded_error');
    expect(apiError.requestId).toBe('req_1');
    expect(apiError.message).toContain('Overloaded');
  });

  it('does not retry an invalid request', async () => {
    const body = {
      type: 'error',
      error: { type: 'invalid_request_error', message: 'max_tokens: too large' },
    };
    const { fetch } = fakeFetch(() => Response.json(body, { status: 400 }));
    const error = (await createAnthropic({ apiKey: 'k', fetch })
      .languageModel('m')
      .generate({ prompt })
      .catch((caught: unknown) => caught)) as APICallError;
    expect(error.isRetryable).toBe(false);
    expect(error.providerMessage).toBe('max_tokens: too large');
  });

  it('streams the same parts wherever the body is split, CRLF and multibyte characters included', async () => {
    const whole = await collect(
      await createAnthropic({ apiKey: 'k', fetch: fakeFetch(() => chunkedResponse([sse])).fetch })
        .languageModel('m')
        .stream({ prompt }),
    );
    expect(
      whole
        .filter((part) => part.type === 'text-delta')
        .map((part) => (part as { delta: string }).delta)
        .join(''),
    ).toBe('Olá, tudo bem? 👋');
    expect(whole.at(-1)).toMatchObject({ type: 'finish', finishReason: 'stop' });
    for (let offset = 1; offset < sse.length; offset++) {
      const chunks = [sse.subarray(0, offset), sse.subarray(offset)];
      const { fetch } = fakeFetch(() => chunkedResponse(chunks));
      const parts = await collect(
        await createAnthropic({ apiKey: 'k', fetch }).languageModel('m').stream({ prompt }),
      );
      expect(parts).toEqual(whole);
    }
  });

  it('reports a stream cut before message_stop as a retryable error part', async () => {
    const cut = sse.subarray(0, new TextDecoder().decode(sse).indexOf('event: message_delta'));
    const { fetch } = fakeFetch(() => chunkedResponse([cut]));
    const parts = await collect(
      await createAnthropic({ apiKey: 'k', fetch }).languageModel('m').stream({ prompt }),
    );
    const last = parts.at(-1) as { type: string; error: { isRetryable: boolean; name: string } };
    expect(last.type).toBe('error');
    expect(last.error.name).toBe('IncompleteStreamError');
    expect(last.error.isRetryable).toBe(true);
  });
});

describe('Claude on Vertex AI', () => {
  it('calls rawPredict with the model in the URL and anthropic_version in the body', async () => {
    const { fetch, requests } = fakeFetch(() => Response.json(message));
    const vertex = createVertexAnthropic({ project: 'p', location: 'us-east5', accessToken: 'token', fetch });
    await vertex.languageModel('claude-3-7-sonnet@20250219').generate({ prompt, maxOutputTokens: 100 });
    expect(requests[0]?.url).toBe(
      'https://us-east5-aiplatform.googleapis.com/v1/projects/p/locations/us-east5/publishers/anthropic/models/claude-3-7-sonnet@20250219:rawPredict',
    );
    expect(requests[0]?.body).toEqual({
      max_tokens: 100,
      messages: [{ role: 'user', content: [{ type: 'text', text: 'Say hi' }] }],
      anthropic_version: 'vertex-2023-10-16',
    });
    expect(requests[0]?.headers.get('authorization')).toBe('Bearer token');
  });

  it('streams through streamRawPredict, keeping stream in the body, with a fresh token per request', async () => {
    const { fetch, requests } = fakeFetch(() => chunkedResponse([sse]));
    let calls = 0;
    const getAccessToken = async () => `token-${++calls}`;
    const model = createVertexAnthropic({
      project: 'p',
      location: 'global',
      getAccessToken,
      fetch,
    }).languageModel('claude-x');
    await collect(await model.stream({ prompt }));
    await collect(await model.stream({ prompt }));
    expect(requests[0]?.url).toBe(
      'https://aiplatform.googleapis.com/v1/projects/p/locations/global/publishers/anthropic/models/claude-x:streamRawPredict',
    );
    expect(requests[0]?.body.stream).toBe(true);
    expect(requests[1]?.headers.get('authorization')).toBe('Bearer token-2');
  });

  it('picks the host by location', () => {
    expect(vertexBaseURL('global')).toBe('https://aiplatform.googleapis.com');
    expect(vertexBaseURL('eu')).toBe('https://aiplatform.eu.rep.googleapis.com');
    expect(vertexBaseURL('europe-west1')).toBe('https://europe-west1-aiplatform.googleapis.com');
  });
});
