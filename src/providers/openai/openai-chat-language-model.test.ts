import { describe, expect, it } from 'vitest';
import { APICallError } from '../../errors/api-call-error.js';
import { IncompleteStreamError } from '../../errors/incomplete-stream-error.js';
import { InvalidResponseError } from '../../errors/invalid-response-error.js';
import { LoadAPIKeyError } from '../../errors/load-api-key-error.js';
import { userMessage } from '../../spec/message.js';
import type { StreamPart } from '../../spec/stream-part.js';
import { createOpenAICompatible } from '../openaicompat/index.js';
import { createOpenAI } from './index.js';

type Handler = (request: Request) => Response | Promise<Response>;

function fakeFetch(
  handler: Handler,
): typeof fetch & { requests: Array<{ url: string; body: unknown; headers: Headers }> } {
  const requests: Array<{ url: string; body: unknown; headers: Headers }> = [];
  const fetchFunction = async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    const text = await request.clone().text();
    requests.push({ url: request.url, body: text ? JSON.parse(text) : undefined, headers: request.headers });
    return handler(request);
  };
  return Object.assign(fetchFunction, { requests }) as never;
}

function sse(chunks: unknown[], options: { done?: boolean } = {}): Response {
  const text = chunks
    .map((chunk) => `data: ${typeof chunk === 'string' ? chunk : JSON.stringify(chunk)}\n\n`)
    .join('');
  return new Response(text + (options.done === false ? '' : 'data: [DONE]\n\n'), {
    headers: { 'content-type': 'text/event-stream' },
  });
}

async function collect(parts: AsyncIterable<StreamPart>): Promise<StreamPart[]> {
  const all: StreamPart[] = [];
  for await (const part of parts) all.push(part);
  return all;
}

const prompt = [userMessage('hi')];

describe('OpenAI chat completions', () => {
  it('assembles streamed tool-call arguments by index and closes lower indices when a higher one starts', async () => {
    const fetch = fakeFetch(() =>
      sse([
        {
          choices: [
            {
              index: 0,
              delta: {
                tool_calls: [
                  { index: 0, id: 'a', type: 'function', function: { name: 'add', arguments: '{"a":' } },
                ],
              },
            },
          ],
        },
        { choices: [{ index: 0, delta: { tool_calls: [{ index: 0, function: { arguments: '2}' } }] } }] },
        {
          choices: [
            {
              index: 0,
              delta: {
                tool_calls: [
                  { index: 1, id: 'b', type: 'function', function: { name: 'mul', arguments: '' } },
                ],
              },
            },
          ],
        },
        { choices: [{ index: 0, delta: {}, finish_reason: 'tool_calls' }] },
        { choices: [], usage: { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 } },
      ]),
    );
    const model = createOpenAI({ apiKey: 'k', fetch }).chat('gpt-4o');
    const parts = await collect(await model.stream({ prompt }));
    expect(parts.map((part) => part.type)).toEqual([
      'tool-input-start',
      'tool-input-delta',
      'tool-input-delta',
      'tool-input-end',
      'tool-call',
      'tool-input-start',
      'tool-input-end',
      'tool-call',
      'finish',
    ]);
    const calls = parts.filter((part) => part.type === 'tool-call');
    expect(calls.map((call) => [call.toolCallId, call.toolName, call.input])).toEqual([
      ['a', 'add', '{"a":2}'],
      ['b', 'mul', '{}'],
    ]);
    expect(parts.at(-1)).toMatchObject({
      type: 'finish',
      finishReason: 'tool-calls',
      usage: { totalTokens: 15 },
    });
  });

  it('ends a stream that stops without a finish reason with a retryable incomplete-stream error part', async () => {
    const fetch = fakeFetch(() =>
      sse([{ choices: [{ index: 0, delta: { content: 'Hel' } }] }], { done: false }),
    );
    const parts = await collect(await createOpenAI({ apiKey: 'k', fetch }).chat('gpt-4o').stream({ prompt }));
    expect(parts.map((part) => part.type)).toEqual(['text-start', 'text-delta', 'text-end', 'error']);
    const error = (parts.at(-1) as { error: unknown }).error;
    expect(IncompleteStreamError.isInstance(error)).toBe(true);
    expect((error as IncompleteStreamError).isRetryable).toBe(true);
  });

  it('turns an error event inside a 200 stream into a typed, retryable error part', async () => {
    const fetch = fakeFetch(() =>
      sse([
        { choices: [{ index: 0, delta: { content: 'x' } }] },
        { error: { message: 'overloaded', type: 'server_error' } },
      ]),
    );
    const parts = await collect(await createOpenAI({ apiKey: 'k', fetch }).chat('gpt-4o').stream({ prompt }));
    const error = (parts.at(-1) as { error: APICallError }).error;
    expect(APICallError.isInstance(error)).toBe(true);
    expect(error.providerMessage).toBe('overloaded');
    expect(error.isRetryable).toBe(true);
  });

  it('keeps the offending text when a stream event is not JSON', async () => {
    const fetch = fakeFetch(() => sse(['{not json']));
    const parts = await collect(await createOpenAI({ apiKey: 'k', fetch }).chat('gpt-4o').stream({ prompt }));
    const error = (parts.at(-1) as { error: InvalidResponseError }).error;
    expect(InvalidResponseError.isInstance(error)).toBe(true);
    expect(error.data).toBe('{not json');
  });

  it('maps an error body to an APICallError with status, provider message and request id', async () => {
    const fetch = fakeFetch(
      () =>
        new Response(
          JSON.stringify({ error: { message: 'Incorrect API key provided', type: 'invalid_request_error' } }),
          {
            status: 401,
            headers: { 'content-type': 'application/json', 'x-request-id': 'req_123' },
          },
        ),
    );
    const error = await createOpenAI({ apiKey: 'bad', fetch })
      .chat('gpt-4o')
      .generate({ prompt })
      .catch((caught: unknown) => caught);
    expect(APICallError.isInstance(error)).toBe(true);
    const apiError = error as APICallError;
    expect(apiError.statusCode).toBe(401);
    expect(apiError.requestId).toBe('req_123');
    expect(apiError.isRetryable).toBe(false);
    expect(apiError.message).toContain(
      'POST https://api.openai.com/v1/chat/completions failed 401: Incorrect API key provided',
    );
    expect(apiError.message).not.toContain('bad');
  });

  it('marks 429 and 5xx answers retryable and keeps the retry-after header', async () => {
    const fetch = fakeFetch(
      () =>
        new Response('{"error":{"message":"slow down"}}', { status: 429, headers: { 'retry-after': '2' } }),
    );
    const error = (await createOpenAI({ apiKey: 'k', fetch })
      .chat('gpt-4o')
      .generate({ prompt, maxRetries: 0 })
      .catch((caught) => caught)) as APICallError;
    expect(error.isRetryable).toBe(true);
    expect(error.responseHeaders['retry-after']).toBe('2');
  });

  it('says which environment variable to set when no API key is given', async () => {
    const previous = process.env.OPENAI_API_KEY;
    delete process.env.OPENAI_API_KEY;
    try {
      const error = await createOpenAI({ fetch: fakeFetch(() => new Response('{}')) })
        .chat('gpt-4o')
        .generate({ prompt })
        .catch((caught: unknown) => caught);
      expect(LoadAPIKeyError.isInstance(error)).toBe(true);
      expect((error as Error).message).toContain('Set OPENAI_API_KEY');
    } finally {
      if (previous !== undefined) process.env.OPENAI_API_KEY = previous;
    }
  });

  it('sends max_completion_tokens and drops sampling settings with warnings for reasoning models', async () => {
    const fetch = fakeFetch(
      () =>
        new Response(JSON.stringify({ choices: [{ message: { content: 'ok' }, finish_reason: 'stop' }] })),
    );
    const result = await createOpenAI({ apiKey: 'k', fetch })
      .chat('gpt-5')
      .generate({ prompt, maxOutputTokens: 100, temperature: 0.3 });
    expect(fetch.requests[0]?.body).toEqual({
      model: 'gpt-5',
      messages: [{ role: 'user', content: 'hi' }],
      max_completion_tokens: 100,
    });
    expect(result.warnings).toEqual([
      expect.objectContaining({ type: 'unsupported-setting', setting: 'temperature' }),
    ]);
  });

  it('reads reasoning_content as reasoning and echoes the last reasoning part back (openaicompat)', async () => {
    const fetch = fakeFetch(() =>
      sse([
        { choices: [{ index: 0, delta: { reasoning_content: 'Think' } }] },
        { choices: [{ index: 0, delta: { reasoning_content: 'ing' } }] },
        { choices: [{ index: 0, delta: { content: 'Done' }, finish_reason: 'stop' }] },
      ]),
    );
    const model = createOpenAICompatible({ baseURL: 'https://example.test/v1', fetch }).languageModel('m');
    const parts = await collect(await model.stream({ prompt }));
    expect(parts.map((part) => part.type)).toEqual([
      'reasoning-start',
      'reasoning-delta',
      'reasoning-delta',
      'reasoning-end',
      'text-start',
      'text-delta',
      'text-end',
      'finish',
    ]);
    await model
      .generate({
        prompt: [
          ...prompt,
          {
            role: 'assistant',
            content: [
              { type: 'reasoning', text: 'Thinking' },
              { type: 'text', text: 'Done' },
            ],
          },
          userMessage('and?'),
        ],
      })
      .catch(() => undefined);
    const body = fetch.requests[1]?.body as { messages: unknown[] };
    expect(body.messages[1]).toEqual({ role: 'assistant', content: 'Done', reasoning_content: 'Thinking' });
    expect(fetch.requests[1]?.headers.get('authorization')).toBeNull();
  });

  it('cancels the response body when the consumer stops reading early', async () => {
    let cancelled = false;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        controller.enqueue(
          new TextEncoder().encode(
            `data: ${JSON.stringify({ choices: [{ index: 0, delta: { content: 'x' } }] })}\n\n`,
          ),
        );
      },
      cancel() {
        cancelled = true;
      },
    });
    const fetch = fakeFetch(() => new Response(body, { headers: { 'content-type': 'text/event-stream' } }));
    for await (const part of await createOpenAI({ apiKey: 'k', fetch }).chat('gpt-4o').stream({ prompt })) {
      if (part.type === 'text-delta') break;
    }
    expect(cancelled).toBe(true);
  });
});
