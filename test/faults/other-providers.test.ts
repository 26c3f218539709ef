import { describe, expect, it } from 'vitest';
import { createAgent } from '../../src/agent/create-agent.js';
import { APICallError } from '../../src/errors/api-call-error.js';
import { IncompleteStreamError } from '../../src/errors/incomplete-stream-error.js';
import { userMessage } from '../../src/spec/message.js';
import { useFaultServer } from './fault-server.js';
import {
  anthropicModel,
  collectParts,
  faultApiKey,
  geminiModel,
  recordRetries,
  rejectionOf,
  streamError,
  textOfParts,
} from './support.js';
import {
  anthropicEnd,
  anthropicEvent,
  anthropicStart,
  anthropicText,
  errorAnswer,
  geminiChunk,
  okStream,
  sse,
  streamAnswer,
} from './wire.js';

const server = useFaultServer();
const prompt = [userMessage('Hi')];

/** Reads an agent's text stream to its end. */
async function streamedText(run: { textStream: AsyncIterable<string> }): Promise<string> {
  let text = '';
  for await (const piece of run.textStream) text += piece;
  return text;
}

describe('fault: Anthropic Messages streams', () => {
  it('retries a 529 overloaded_error, reading the error body', async () => {
    const overloaded = { type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } };
    server.answer(
      errorAnswer(529, overloaded, { 'request-id': 'req_ant_1' }),
      okStream(anthropicStart() + anthropicText('Hello') + anthropicEnd()),
    );
    const { delays, events, settings } = recordRetries();
    const run = await createAgent(anthropicModel(server), settings).stream({ prompt: 'Hi' });
    expect(await streamedText(run)).toBe('Hello');
    expect(delays).toEqual([2000]);
    expect(events[0]?.error).toMatchObject({
      statusCode: 529,
      errorType: 'overloaded_error',
      providerMessage: 'Overloaded',
      requestId: 'req_ant_1',
    });
    expect(server.requests[0]?.headers['x-api-key']).toBe(faultApiKey);
  });

  it('ends with a retryable APICallError on an error event in the middle of the stream', async () => {
    const errorEvent = anthropicEvent({
      type: 'error',
      error: { type: 'overloaded_error', message: 'Overloaded' },
    });
    server.answer(okStream(anthropicStart() + anthropicText('Hel') + errorEvent));
    const parts = await collectParts(await anthropicModel(server).stream({ prompt }));
    expect(textOfParts(parts)).toBe('Hel');
    const error = streamError(parts);
    expect(APICallError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({
      errorType: 'overloaded_error',
      isRetryable: true,
      title: 'provider overloaded',
    });
  });

  it('ends with a retryable transport error when the connection resets mid-stream', async () => {
    server.answer(streamAnswer({ write: anthropicStart() + anthropicText('Hel') }, { wait: 20 }, 'destroy'));
    const parts = await collectParts(await anthropicModel(server).stream({ prompt }));
    expect(textOfParts(parts)).toBe('Hel');
    expect(streamError(parts)).toMatchObject({
      name: 'APICallError',
      title: 'stream transport error',
      isRetryable: true,
    });
  });

  it('ends with a retryable IncompleteStreamError when the final chunk is truncated', async () => {
    server.answer(
      okStream(
        anthropicStart() +
          anthropicText('Hel') +
          'event: content_block_delta\ndata: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"lo',
      ),
    );
    const parts = await collectParts(await anthropicModel(server).stream({ prompt }));
    expect(textOfParts(parts)).toBe('Hel');
    const error = streamError(parts);
    expect(IncompleteStreamError.isInstance(error)).toBe(true);
    expect((error as IncompleteStreamError).isRetryable).toBe(true);
  });

  it('ends with a chunk TimeoutError when the stream stalls longer than chunkMs', async () => {
    server.answer(streamAnswer({ write: anthropicStart() + anthropicText('Hel') }, 'stall'));
    const parts = await collectParts(
      await anthropicModel(server).stream({ prompt, timeout: { chunkMs: 50 } }),
    );
    expect(textOfParts(parts)).toBe('Hel');
    expect(streamError(parts)).toMatchObject({ name: 'TimeoutError', kind: 'chunk', ms: 50 });
  });

  it('rejects a 401 authentication_error without a retry', async () => {
    const body = { type: 'error', error: { type: 'authentication_error', message: 'invalid x-api-key' } };
    server.answer(errorAnswer(401, body, { 'request-id': 'req_ant_401' }));
    const { events, settings } = recordRetries();
    const error = await rejectionOf(
      createAgent(anthropicModel(server), settings).generate({ prompt: 'Hi' }),
      'run',
    );
    expect(error).toMatchObject({
      statusCode: 401,
      errorType: 'authentication_error',
      providerMessage: 'invalid x-api-key',
      requestId: 'req_ant_401',
      isRetryable: false,
    });
    expect(events).toEqual([]);
    expect(JSON.stringify(error)).not.toContain(faultApiKey);
  });
});

describe('fault: Gemini streams', () => {
  it('retries a 503 UNAVAILABLE, reading the Google error body', async () => {
    const unavailable = { error: { code: 503, message: 'The model is overloaded.', status: 'UNAVAILABLE' } };
    server.answer(errorAnswer(503, unavailable), okStream(sse(geminiChunk('Hello', 'STOP'))));
    const { delays, events, settings } = recordRetries();
    const run = await createAgent(geminiModel(server), settings).stream({ prompt: 'Hi' });
    expect(await streamedText(run)).toBe('Hello');
    expect(delays).toEqual([2000]);
    expect(events[0]?.error).toMatchObject({
      statusCode: 503,
      errorType: 'UNAVAILABLE',
      providerMessage: 'The model is overloaded.',
    });
    expect(server.requests[0]?.headers['x-goog-api-key']).toBe(faultApiKey);
    expect(server.requests[0]?.url).toBe('/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse');
  });

  it('rejects an invalid key (400 INVALID_ARGUMENT) without a retry', async () => {
    const invalid = {
      error: {
        code: 400,
        message: 'API key not valid. Please pass a valid API key.',
        status: 'INVALID_ARGUMENT',
      },
    };
    server.answer(errorAnswer(400, invalid));
    const { events, settings } = recordRetries();
    const error = await rejectionOf(
      createAgent(geminiModel(server), settings).generate({ prompt: 'Hi' }),
      'run',
    );
    expect(error).toMatchObject({ statusCode: 400, errorType: 'INVALID_ARGUMENT', isRetryable: false });
    expect(events).toEqual([]);
  });

  it('ends with a retryable transport error when the connection resets mid-stream', async () => {
    server.answer(streamAnswer({ write: sse(geminiChunk('Hel')) }, { wait: 20 }, 'destroy'));
    const parts = await collectParts(await geminiModel(server).stream({ prompt }));
    expect(textOfParts(parts)).toBe('Hel');
    expect(streamError(parts)).toMatchObject({
      name: 'APICallError',
      title: 'stream transport error',
      isRetryable: true,
    });
  });

  it('ends with an IncompleteStreamError when the final chunk is truncated', async () => {
    server.answer(
      okStream(sse(geminiChunk('Hel')) + 'data: {"candidates":[{"content":{"parts":[{"text":"lo'),
    );
    const parts = await collectParts(await geminiModel(server).stream({ prompt }));
    expect(textOfParts(parts)).toBe('Hel');
    expect(IncompleteStreamError.isInstance(streamError(parts))).toBe(true);
  });
});
