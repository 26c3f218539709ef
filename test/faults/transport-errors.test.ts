import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAgent } from '../../src/agent/create-agent.js';
import { APICallError } from '../../src/errors/api-call-error.js';
import { CassetteMissError } from '../../src/errors/cassette-miss-error.js';
import { isNetworkError, isRetryableError } from '../../src/http/retry.js';
import { createOpenAI } from '../../src/providers/openai/index.js';
import { userMessage } from '../../src/spec/message.js';
import { createCassetteFetch } from '../../src/testing/cassette/create-cassette-fetch.js';
import { collectParts, faultApiKey, recordRetries, rejectionOf, settles, streamError } from './support.js';
import { chatText, sse } from './wire.js';

const prompt = [userMessage('Hi')];

/** A loopback URL nothing listens on: a server is started for a port, then closed. */
async function closedPort(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}

/** What undici throws: `TypeError('fetch failed')` with the socket error as its cause. */
function fetchFailed(code: string): TypeError {
  return new TypeError('fetch failed', { cause: Object.assign(new Error(`${code} happened`), { code }) });
}

const codes = [
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'UND_ERR_CLOSED',
  'UND_ERR_DESTROYED',
  'ERR_HTTP2_STREAM_ERROR',
  'ERR_HTTP2_SESSION_ERROR',
  'ERR_HTTP2_GOAWAY_SESSION',
  'ERR_HTTP2_STREAM_CANCEL',
  'NGHTTP2_REFUSED_STREAM',
];

describe('transport errors', () => {
  it('says which origin could not be reached and keeps the code: a real ECONNREFUSED', async () => {
    const origin = await closedPort();
    const model = createOpenAI({ apiKey: faultApiKey, baseURL: `${origin}/v1` }).languageModel('gpt-4o-mini');
    const error = await rejectionOf(model.generate({ prompt, maxRetries: 0 }), 'the refused call');
    expect(APICallError.isInstance(error)).toBe(true);
    expect((error as APICallError).providerMessage).toBe(`could not reach ${origin} (ECONNREFUSED)`);
    expect(error).toMatchObject({ isRetryable: true, title: 'connection error' });
  });

  it.each(codes)('treats %s from fetch as a retryable connection error naming the code', async (code) => {
    const model = createOpenAI({
      apiKey: faultApiKey,
      fetch: async () => {
        throw fetchFailed(code);
      },
    }).languageModel('gpt-4o-mini');
    const error = await rejectionOf(model.generate({ prompt, maxRetries: 0 }), 'the failing call');
    expect(error).toMatchObject({ name: 'APICallError', isRetryable: true });
    expect((error as Error).message).toContain(`could not reach https://api.openai.com (${code}`);
    expect(isNetworkError(fetchFailed(code))).toBe(true);
    expect(isRetryableError(fetchFailed(code))).toBe(true);
  });

  it('does not retry an abort that undici reports as UND_ERR_ABORTED by itself', () => {
    expect(isNetworkError(Object.assign(new Error('aborted'), { code: 'UND_ERR_ABORTED' }))).toBe(false);
  });

  it('ends a stream whose HTTP/2 stream fails mid-body with a retryable error naming the code', async () => {
    const encoder = new TextEncoder();
    const model = createOpenAI({
      apiKey: faultApiKey,
      fetch: async () =>
        new Response(
          new ReadableStream({
            pull(controller) {
              controller.enqueue(encoder.encode(sse(chatText('Hel'))));
              controller.error(
                Object.assign(new Error('Stream closed with error code NGHTTP2_INTERNAL_ERROR'), {
                  code: 'ERR_HTTP2_STREAM_ERROR',
                }),
              );
            },
          }),
          { headers: { 'content-type': 'text/event-stream' } },
        ),
    }).languageModel('gpt-4o-mini');
    const error = streamError(await collectParts(await model.stream({ prompt, maxRetries: 0 })));
    expect(error).toMatchObject({ name: 'APICallError', isRetryable: true, title: 'stream transport error' });
    expect((error as Error).message).toContain('ERR_HTTP2_STREAM_ERROR');
  });

  it('lets a CassetteMissError from an injected fetch through unchanged and unretried', async () => {
    const fetch = createCassetteFetch({
      path: join(import.meta.dirname, '../fixtures/seed-simple-object-streaming.yaml'),
      mode: 'replay',
    });
    let thrown: unknown;
    const watching: typeof globalThis.fetch = async (input, init) => {
      try {
        return await fetch(input, init);
      } catch (error) {
        thrown = error;
        throw error;
      }
    };
    const model = createOpenAI({ apiKey: faultApiKey, baseURL: 'https://api.x.ai/v1', fetch: watching });
    const { delays, settings } = recordRetries();
    const error = await settles(
      createAgent(model.languageModel('grok-4-fast'), settings)
        .generate({ prompt: 'a prompt no cassette holds' })
        .catch((caught: unknown) => caught),
      'the missing call',
    );
    expect(CassetteMissError.isInstance(error)).toBe(true);
    expect(error).toBe(thrown);
    expect(delays).toEqual([]);
  });
});
