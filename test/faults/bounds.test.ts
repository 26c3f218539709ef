import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createAgent } from '../../src/agent/create-agent.js';
import { APICallError } from '../../src/errors/api-call-error.js';
import { InvalidArgumentError } from '../../src/errors/invalid-argument-error.js';
import { ResponseTooLargeError } from '../../src/errors/response-too-large-error.js';
import { TimeoutError } from '../../src/errors/timeout-error.js';
import { defaultTimeouts, withDefaultTimeouts } from '../../src/http/default-timeouts.js';
import { defaultMaxResponseBytes } from '../../src/http/read-body-text.js';
import { createOpenAI } from '../../src/providers/openai/index.js';
import type { CallOptions } from '../../src/spec/call-options.js';
import type { LanguageModel } from '../../src/spec/language-model.js';
import { userMessage } from '../../src/spec/message.js';
import type { StreamPart } from '../../src/spec/stream-part.js';
import { MockLanguageModel } from '../../src/testing/mock-language-model.js';
import { useFaultServer } from './fault-server.js';
import {
  collectParts,
  faultApiKey,
  openAIModel,
  recordRetries,
  rejectionOf,
  settles,
  streamError,
  textOfParts,
} from './support.js';
import { chatCompletion, chatFinish, chatText, errorAnswer, sse, streamAnswer } from './wire.js';

const server = useFaultServer();

/** Every part of a stream, without the settle timer of `collectParts` (these tests fake the timers). */
async function readAll(parts: AsyncIterable<StreamPart>): Promise<StreamPart[]> {
  const collected: StreamPart[] = [];
  for await (const part of parts) collected.push(part);
  return collected;
}

/** The model with a call option added to every call, for the agent (which does not pass it on itself). */
function withCallOptions(model: LanguageModel, extra: Partial<CallOptions>): LanguageModel {
  return {
    provider: model.provider,
    modelId: model.modelId,
    generate: (options) => model.generate({ ...options, ...extra }),
    stream: (options) => model.stream({ ...options, ...extra }),
    generateObject: (options) => model.generateObject({ ...options, ...extra }),
    streamObject: (options) => model.streamObject({ ...options, ...extra }),
  };
}
const prompt = [userMessage('Hi')];

/** A fetch whose response headers come at once and whose body never sends a byte. */
const silentBody: typeof fetch = async (_input, init) =>
  new Response(
    new ReadableStream({
      start(controller) {
        init?.signal?.addEventListener('abort', () => controller.error(init.signal?.reason));
      },
    }),
    { headers: { 'content-type': 'text/event-stream' } },
  );

describe('default timeouts', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('fills in 10 minutes total, 60 s between chunks and 60 s to the first chunk of a stream', () => {
    expect(withDefaultTimeouts(undefined, { stream: true })).toEqual(defaultTimeouts);
    expect(defaultTimeouts).toEqual({ totalMs: 600_000, firstChunkMs: 60_000, chunkMs: 60_000 });
    // A non-streamed answer only starts once the model is done: no first-chunk default.
    expect(withDefaultTimeouts(undefined, { stream: false })).toEqual({ totalMs: 600_000, chunkMs: 60_000 });
  });

  it('lets each limit be overridden, Infinity turn one off, and timeout: Infinity turn all off', () => {
    expect(withDefaultTimeouts({ chunkMs: 5000 }, { stream: true })).toEqual({
      ...defaultTimeouts,
      chunkMs: 5000,
    });
    expect(withDefaultTimeouts(30_000, { stream: true })).toEqual({ ...defaultTimeouts, totalMs: 30_000 });
    expect(withDefaultTimeouts({ firstChunkMs: Number.POSITIVE_INFINITY }, { stream: true })).toMatchObject({
      firstChunkMs: Number.POSITIVE_INFINITY,
    });
    expect(withDefaultTimeouts(Number.POSITIVE_INFINITY, { stream: true })).toEqual({});
  });

  it('ends a stream whose server sends headers and then nothing after the default 60 s', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    const model = createOpenAI({ apiKey: faultApiKey, fetch: silentBody }).languageModel('gpt-4o-mini');
    const parts = readAll(await model.stream({ prompt, maxRetries: 0 }));
    await vi.advanceTimersByTimeAsync(59_000);
    await vi.advanceTimersByTimeAsync(2_000);
    const error = streamError(await parts);
    expect(TimeoutError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ kind: 'first-chunk', ms: 60_000, isRetryable: true });
  });

  it('waits forever when the call turns every limit off', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    const model = createOpenAI({ apiKey: faultApiKey, fetch: silentBody }).languageModel('gpt-4o-mini');
    const abort = new AbortController();
    const parts = readAll(
      await model.stream({
        prompt,
        maxRetries: 0,
        timeout: Number.POSITIVE_INFINITY,
        abortSignal: abort.signal,
      }),
    );
    await vi.advanceTimersByTimeAsync(3_600_000);
    abort.abort(new Error('stopped by the test'));
    expect(String(streamError(await parts))).toContain('stopped by the test');
  });

  it.each([
    ['NaN', { chunkMs: Number.NaN }],
    ['a negative', { totalMs: -1 }],
    ['a fractional', { firstChunkMs: 1.5 }],
  ])('rejects %s timeout with an InvalidArgumentError before sending anything', async (_what, timeout) => {
    const error = await rejectionOf(openAIModel(server).generate({ prompt, timeout }), 'generate');
    expect(InvalidArgumentError.isInstance(error)).toBe(true);
    expect(server.requests).toEqual([]);
  });

  it.each([Number.NaN, -1, 2.5])('rejects maxSteps %s with an InvalidArgumentError', async (maxSteps) => {
    const model = new MockLanguageModel({ generate: () => ({ content: [] }) });
    const error = await createAgent(model, { maxSteps })
      .generate({ prompt: 'Hi' })
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ name: 'InvalidArgumentError', argument: 'maxSteps' });
  });
});

describe('response size limits', () => {
  /** A JSON answer that inflates from about 8 KB of gzip to 8 MiB. */
  function gzipBomb() {
    const inflated = Buffer.alloc(8 * 1024 * 1024, 0x20);
    inflated.write('{"id":"x","choices":[');
    return {
      headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
      steps: [{ write: new Uint8Array(gzipSync(inflated)) }],
    };
  }

  it('has a documented default of 64 MiB, counted after decompression', () => {
    expect(defaultMaxResponseBytes).toBe(64 * 1024 * 1024);
  });

  it('stops a gzip bomb at the limit with a ResponseTooLargeError, without a retry', async () => {
    server.answer(gzipBomb(), chatCompletion('never reached'));
    const { delays, settings } = recordRetries();
    const model = withCallOptions(openAIModel(server), { maxResponseBytes: 1024 * 1024 });
    const error = await settles(
      createAgent(model, settings)
        .generate({ prompt: 'Hi' })
        .catch((caught: unknown) => caught),
      'the bombed call',
    );
    expect(ResponseTooLargeError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ maxResponseBytes: 1024 * 1024, isRetryable: false });
    expect(delays).toEqual([]);
    expect(server.requests).toHaveLength(1);
  });

  it('honours a lower or higher maxResponseBytes', async () => {
    server.answer(chatCompletion('x'.repeat(5000)), chatCompletion('y'.repeat(5000)));
    const model = openAIModel(server);
    const error = await rejectionOf(model.generate({ prompt, maxResponseBytes: 1000 }), 'the small call');
    expect(error).toMatchObject({ name: 'ResponseTooLargeError', maxResponseBytes: 1000 });
    const result = await settles(model.generate({ prompt, maxResponseBytes: 10_000 }), 'the larger call');
    expect(result.content).toEqual([{ type: 'text', text: 'y'.repeat(5000) }]);
  });

  it('keeps the first MiB of a huge error body and still reports the status', async () => {
    server.answer(errorAnswer(400, { error: { message: 'm'.repeat(1536 * 1024) } }));
    const error = await rejectionOf(openAIModel(server).generate({ prompt }), 'the failing call');
    expect(APICallError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ statusCode: 400, isRetryable: false });
    expect((error as APICallError).responseBody?.length).toBe(1024 * 1024);
  });
});

describe('[DONE]', () => {
  it('finishes at data: [DONE] and closes a body the server keeps open', async () => {
    server.answer(streamAnswer({ write: sse(chatText('Hello'), chatFinish(), '[DONE]') }, 'stall'));
    const parts = await collectParts(await openAIModel(server).stream({ prompt }));
    expect(textOfParts(parts)).toBe('Hello');
    expect(parts.at(-1)).toMatchObject({ type: 'finish', finishReason: 'stop' });
    expect(await server.waitForIdle()).toBe(true);
  });

  it('reports a stream whose [DONE] comes before any finish reason as incomplete', async () => {
    server.answer(streamAnswer({ write: sse(chatText('Hel'), '[DONE]') }, 'stall'));
    const parts = await collectParts(await openAIModel(server).stream({ prompt }));
    expect(streamError(parts)).toMatchObject({ name: 'IncompleteStreamError', isRetryable: true });
    expect(await server.waitForIdle()).toBe(true);
  });
});
