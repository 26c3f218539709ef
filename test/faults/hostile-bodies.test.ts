import { describe, expect, it } from 'vitest';
import { createAgent } from '../../src/agent/create-agent.js';
import { APICallError } from '../../src/errors/api-call-error.js';
import { InvalidResponseError } from '../../src/errors/invalid-response-error.js';
import { userMessage } from '../../src/spec/message.js';
import type { FaultStep } from './fault-server.js';
import { useFaultServer } from './fault-server.js';
import {
  collectParts,
  heapUsedAfterGc,
  openAIModel,
  recordRetries,
  rejectionOf,
  settles,
  streamError,
  textOfParts,
} from './support.js';
import { chatFinish, chatStream, chatText, okStream, sse, streamAnswer } from './wire.js';

const server = useFaultServer();
const prompt = [userMessage('Hi')];
const megabyte = 1024 * 1024;

describe('fault: hostile event-stream bodies', () => {
  it('ignores lines that are not events between the events', async () => {
    const garbage =
      'this line is no field at all\n' +
      ': a comment\n' +
      'event: ping\n\n' +
      'retry: 10\n\n' +
      '\n\n\n' +
      'id: 5\n\n' +
      'data\n\n'.replace('data', 'dat') +
      '\r\n';
    server.answer(okStream(sse(chatText('Hel')) + garbage + sse(chatText('lo'), chatFinish(), '[DONE]')));
    const parts = await collectParts(await openAIModel(server).stream({ prompt }));
    expect(textOfParts(parts)).toBe('Hello');
    expect(parts.at(-1)).toMatchObject({ type: 'finish', finishReason: 'stop' });
  });

  it('ends with a non-retryable InvalidResponseError carrying an event whose data is not JSON', async () => {
    server.answer(okStream(sse(chatText('Hel'), 'not json', chatText('lo'), chatFinish())));
    const parts = await collectParts(await openAIModel(server).stream({ prompt }));
    expect(textOfParts(parts)).toBe('Hel');
    const error = streamError(parts);
    expect(InvalidResponseError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ data: 'not json', isRetryable: false });
  });

  it('does not retry an agent step whose stream sends an event that is not JSON', async () => {
    server.answer(okStream(sse('not json')), okStream(chatStream('ok')));
    const { events, settings } = recordRetries();
    const error = await rejectionOf(
      createAgent(openAIModel(server), settings).generate({ prompt: 'Hi' }),
      'run',
    );
    expect(InvalidResponseError.isInstance(error)).toBe(true);
    expect(events).toEqual([]);
    expect(server.requests).toHaveLength(1);
  });

  it('replaces invalid UTF-8 with U+FFFD and goes on', async () => {
    const encoder = new TextEncoder();
    const invalid = new Uint8Array([
      ...encoder.encode('data: {"choices":[{"delta":{"content":"a'),
      0xff,
      0xfe,
      0xc3, // a lead byte whose continuation never comes
      ...encoder.encode('b"}}]}\n\n'),
    ]);
    server.answer(streamAnswer({ write: invalid }, { write: sse(chatFinish()) }));
    const parts = await collectParts(await openAIModel(server).stream({ prompt }));
    expect(textOfParts(parts)).toBe('a\uFFFD\uFFFD\uFFFDb');
    expect(parts.at(-1)?.type).toBe('finish');
  });

  it('delivers a 5 MB data line intact and once, and keeps none of it afterwards', async () => {
    // A first stream compiles the code and sizes the buffers, so the measure shows only what is kept.
    server.answer(okStream(chatStream('warm-up')));
    await collectParts(await openAIModel(server).stream({ prompt }));
    const before = heapUsedAfterGc();
    // The only copy outside the client is the server's, which it drops once sent.
    server.answer(okStream(sse(chatText('x'.repeat(5 * megabyte)), chatFinish(), '[DONE]')));
    const lengths: number[] = [];
    for await (const part of await openAIModel(server).stream({ prompt })) {
      if (part.type === 'text-delta') lengths.push(part.delta.length);
    }
    expect(lengths).toEqual([5 * megabyte]);
    expect(heapUsedAfterGc() - before).toBeLessThan(2 * megabyte);
  });

  it('reads a 16 MB stream in constant memory', async () => {
    const event = sse(chatText('y'.repeat(8 * 1024)));
    const steps: FaultStep[] = Array.from({ length: 2048 }, () => ({ write: event }));
    server.answer(streamAnswer(...steps, { write: sse(chatFinish(), '[DONE]') }));
    let deltas = 0;
    let warm = 0;
    let growth = 0;
    const reading = (async () => {
      for await (const part of await openAIModel(server).stream({ prompt })) {
        if (part.type !== 'text-delta') continue;
        deltas += 1;
        // Measured from a warm stream (code compiled, buffers sized); 12 MB later, holding them would show.
        if (deltas === 256) warm = heapUsedAfterGc();
        if (deltas === 1792) growth = heapUsedAfterGc() - warm;
      }
    })();
    await settles(reading, 'the 16 MB stream', 15_000);
    expect(deltas).toBe(2048);
    expect(growth).toBeLessThan(6 * megabyte);
  });
});

describe('fault: a body that is not an event stream', () => {
  const page = '<!doctype html><html><body><h1>502 Bad Gateway</h1></body></html>';

  it('rejects a streamed call answered by an HTML page with status 200, keeping the page', async () => {
    server.answer({ status: 200, headers: { 'content-type': 'text/html' }, steps: [{ write: page }] });
    const error = await rejectionOf(openAIModel(server).stream({ prompt }), 'stream');
    expect(InvalidResponseError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ data: page, isRetryable: false });
    expect((error as Error).message).toContain('answered text/html where an event stream was expected');
  });

  it('rejects a generate call answered by an HTML page with status 200, without an agent retry', async () => {
    server.answer({ status: 200, headers: { 'content-type': 'text/html' }, steps: [{ write: page }] });
    const { events, settings } = recordRetries();
    const error = await rejectionOf(
      createAgent(openAIModel(server), settings).generate({ prompt: 'Hi' }),
      'run',
    );
    expect(InvalidResponseError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ data: page });
    expect((error as Error).message).toContain('answered with a body that is not JSON');
    expect(events).toEqual([]);
  });

  it('reads a JSON error body where an event stream was asked for as an APICallError', async () => {
    const body = { error: { message: 'The model is overloaded', type: 'server_error' } };
    server.answer({
      status: 200,
      headers: { 'content-type': 'application/json', 'x-request-id': 'req_json' },
      steps: [{ write: JSON.stringify(body) }],
    });
    const error = await rejectionOf(openAIModel(server).stream({ prompt }), 'stream');
    expect(APICallError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({
      statusCode: 200,
      providerMessage: 'The model is overloaded',
      errorType: 'server_error',
      requestId: 'req_json',
    });
  });

  it('rejects a whole JSON completion where an event stream was asked for as an InvalidResponseError', async () => {
    const completion = { id: 'c', choices: [{ message: { role: 'assistant', content: 'hi' } }] };
    server.answer({
      status: 200,
      headers: { 'content-type': 'application/json' },
      steps: [{ write: JSON.stringify(completion) }],
    });
    const error = await rejectionOf(openAIModel(server).stream({ prompt }), 'stream');
    expect(InvalidResponseError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ data: JSON.stringify(completion) });
  });
});
