import { describe, expect, it } from 'vitest';
import { createAgent } from '../../src/agent/create-agent.js';
import { APICallError } from '../../src/errors/api-call-error.js';
import { RetryError } from '../../src/errors/retry-error.js';
import { textOf } from '../../src/spec/content.js';
import { useFaultServer } from './fault-server.js';
import { faultApiKey, openAIModel, recordRetries, rejectionOf, settles } from './support.js';
import { chatCompletion, chatStream, errorAnswer, okStream } from './wire.js';

const server = useFaultServer();

const rateLimited = { error: { message: 'Rate limit reached for gpt-4o-mini', type: 'rate_limit_error' } };

describe('fault: error statuses', () => {
  it('waits what retry-after says (seconds) after a 429, then succeeds', async () => {
    server.answer(errorAnswer(429, rateLimited, { 'retry-after': '2' }), chatCompletion('ok'));
    const { delays, events, settings } = recordRetries();
    const result = await settles(
      createAgent(openAIModel(server), settings).generate({ prompt: 'Hi' }),
      'generate',
    );
    expect(textOf(result.response.content)).toBe('ok');
    expect(delays).toEqual([2000]);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ attempt: 1, delayMs: 2000 });
    expect(events[0]?.error).toMatchObject({ statusCode: 429, providerMessage: rateLimited.error.message });
    expect(server.requests).toHaveLength(2);
  });

  it('prefers retry-after-ms to retry-after, and streams the answer once after the retry', async () => {
    server.answer(
      errorAnswer(429, rateLimited, { 'retry-after-ms': '150', 'retry-after': '9' }),
      okStream(chatStream('Hel', 'lo')),
    );
    const { delays, settings } = recordRetries();
    const run = await createAgent(openAIModel(server), settings).stream({ prompt: 'Hi' });
    const texts: string[] = [];
    for await (const text of run.textStream) texts.push(text);
    expect(texts).toEqual(['Hel', 'lo']);
    expect(delays).toEqual([150]);
    expect(server.requests).toHaveLength(2);
  });

  it.each([500, 502, 503, 529])(
    'retries a %i twice with 2 s and 4 s backoff, then rejects with a RetryError of three APICallErrors',
    async (status) => {
      const body = { error: { message: `upstream said ${status}`, type: 'server_error' } };
      server.answer(
        errorAnswer(status, body, { 'x-request-id': 'req_a' }),
        errorAnswer(status, body, { 'x-request-id': 'req_b' }),
        errorAnswer(status, body, { 'x-request-id': 'req_c' }),
      );
      const { delays, settings } = recordRetries();
      const error = await rejectionOf(
        createAgent(openAIModel(server), settings).generate({ prompt: 'Hi' }),
        'generate',
      );
      expect(RetryError.isInstance(error)).toBe(true);
      const retryError = error as RetryError;
      expect(retryError.reason).toBe('max-retries-exceeded');
      expect(retryError.errors.map((attempt) => (attempt as APICallError).requestId)).toEqual([
        'req_a',
        'req_b',
        'req_c',
      ]);
      for (const attempt of retryError.errors) {
        expect(APICallError.isInstance(attempt)).toBe(true);
        expect(attempt).toMatchObject({ statusCode: status, isRetryable: true, errorType: 'server_error' });
      }
      expect(delays).toEqual([2000, 4000]);
      expect(server.requests).toHaveLength(3);
    },
  );

  it('reads an Anthropic-style overloaded body on a 529 served as chat completions', async () => {
    const body = { type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } };
    server.answer(errorAnswer(529, body), chatCompletion('ok'));
    const { events, settings } = recordRetries();
    await settles(createAgent(openAIModel(server), settings).generate({ prompt: 'Hi' }), 'generate');
    expect(events[0]?.error).toMatchObject({
      statusCode: 529,
      providerMessage: 'Overloaded',
      errorType: 'overloaded_error',
    });
  });

  it('rejects a 401 at once with the provider message and request id, without retrying', async () => {
    const body = {
      error: {
        message: 'Incorrect API key provided. You can find your API key at https://platform.openai.com.',
        type: 'invalid_request_error',
        code: 'invalid_api_key',
      },
    };
    server.answer(errorAnswer(401, body, { 'x-request-id': 'req_401' }));
    const { events, settings } = recordRetries();
    const error = await rejectionOf(
      createAgent(openAIModel(server), settings).generate({ prompt: 'Hi' }),
      'generate',
    );
    expect(APICallError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({
      statusCode: 401,
      requestId: 'req_401',
      providerMessage: body.error.message,
      errorType: 'invalid_request_error',
      isRetryable: false,
    });
    expect((error as Error).message).toBe(
      `POST ${server.url}/v1/chat/completions failed 401: ${body.error.message}`,
    );
    expect(events).toEqual([]);
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]?.headers.authorization).toBe(`Bearer ${faultApiKey}`);
    for (const rendering of [String(error), JSON.stringify(error), (error as Error).stack ?? '']) {
      expect(rendering).not.toContain(faultApiKey);
    }
  });

  it('rejects a streamed 401 before any part, and the stream views end with it', async () => {
    server.answer(errorAnswer(401, { error: { message: 'bad key', type: 'invalid_request_error' } }));
    const { events, settings } = recordRetries();
    const errors: unknown[] = [];
    const run = await createAgent(openAIModel(server), settings).stream({
      prompt: 'Hi',
      onError: (error) => void errors.push(error),
    });
    const full = run.fullStream;
    const consumed = (async () => {
      for await (const _part of full) {
        // The run fails before its first model part.
      }
    })();
    const streamError = await rejectionOf(consumed, 'fullStream');
    expect(await rejectionOf(run.result, 'result')).toBe(streamError);
    expect(streamError).toMatchObject({ statusCode: 401, providerMessage: 'bad key' });
    expect(errors).toEqual([streamError]);
    expect(events).toEqual([]);
  });
});
