import { describe, expect, it } from 'vitest';
import { APICallError } from '../../errors/api-call-error.js';
import { IncompleteStreamError } from '../../errors/incomplete-stream-error.js';
import { InvalidResponseError } from '../../errors/invalid-response-error.js';
import { userMessage } from '../../spec/message.js';
import type { StreamPart } from '../../spec/stream-part.js';
import { createGoogle } from './index.js';

const encoder = new TextEncoder();

/** Gemini's SSE framing: one whole response per event, `\r\n\r\n` between events. */
function sse(...events: unknown[]): string {
  return events.map((event) => `data: ${JSON.stringify(event)}\r\n\r\n`).join('');
}

function chunk(parts: unknown[], extra: Record<string, unknown> = {}): unknown {
  const { finishReason, ...rest } = extra;
  return {
    candidates: [{ content: { role: 'model', parts }, index: 0, ...(finishReason ? { finishReason } : {}) }],
    modelVersion: 'gemini-2.5-flash',
    ...rest,
  };
}

const fixture = sse(
  chunk([{ text: 'Let me think ☀', thought: true }], {
    usageMetadata: { promptTokenCount: 10, totalTokenCount: 15, thoughtsTokenCount: 5 },
  }),
  chunk([{ text: 'Olá, ', thoughtSignature: 'U0lH' }]),
  chunk([{ text: 'Florença 🌍' }]),
  chunk([{ functionCall: { name: 'weather', args: { location: 'Florence' } } }], {
    finishReason: 'STOP',
    usageMetadata: {
      promptTokenCount: 10,
      candidatesTokenCount: 12,
      totalTokenCount: 30,
      thoughtsTokenCount: 8,
      cachedContentTokenCount: 4,
    },
  }),
);

const expectedParts: StreamPart[] = [
  { type: 'reasoning-start', id: '0' },
  { type: 'reasoning-delta', id: '0', delta: 'Let me think ☀' },
  { type: 'reasoning-end', id: '0', providerMetadata: { google: { thoughtSignature: 'U0lH' } } },
  { type: 'text-start', id: '1' },
  { type: 'text-delta', id: '1', delta: 'Olá, ' },
  { type: 'text-delta', id: '1', delta: 'Florença 🌍' },
  { type: 'text-end', id: '1' },
  { type: 'tool-input-start', id: 'call-1', toolName: 'weather' },
  { type: 'tool-input-delta', id: 'call-1', delta: '{"location":"Florence"}' },
  { type: 'tool-input-end', id: 'call-1' },
  { type: 'tool-call', toolCallId: 'call-1', toolName: 'weather', input: '{"location":"Florence"}' },
  {
    type: 'finish',
    finishReason: 'tool-calls',
    usage: {
      inputTokens: 6,
      outputTokens: 20, // 12 candidates + 8 thoughts
      totalTokens: 30,
      reasoningTokens: 8,
      cacheCreationTokens: 0,
      cacheReadTokens: 4,
    },
  },
];

/** A fetch answering every request with the given chunks as an event stream (or a JSON error). */
function fetchWith(chunks: Uint8Array[], init: { status?: number; contentType?: string } = {}): typeof fetch {
  return async () => {
    let index = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        const next = chunks[index++];
        if (next === undefined) controller.close();
        else controller.enqueue(next);
      },
    });
    return new Response(body, {
      status: init.status ?? 200,
      headers: { 'content-type': init.contentType ?? 'text/event-stream' },
    });
  };
}

async function streamParts(fetch: typeof globalThis.fetch): Promise<StreamPart[]> {
  let count = 0;
  const model = createGoogle({ apiKey: 'test', fetch, generateId: () => `call-${++count}` }).languageModel(
    'gemini-2.5-flash',
  );
  const parts: StreamPart[] = [];
  for await (const part of await model.stream({ prompt: [userMessage('hi')], maxRetries: 0 }))
    parts.push(part);
  return parts;
}

function errorOf(parts: StreamPart[]): unknown {
  const last = parts.at(-1);
  return last?.type === 'error' ? last.error : undefined;
}

describe('the Gemini stream', () => {
  const bytes = encoder.encode(fixture);

  it('turns thoughts, signed text and a function call into ordered blocks and a finish', async () => {
    expect(await streamParts(fetchWith([bytes]))).toEqual(expectedParts);
  });

  it('gives the same parts when the bytes are split in two at every offset', async () => {
    for (let offset = 0; offset <= bytes.length; offset += 1) {
      const parts = await streamParts(fetchWith([bytes.subarray(0, offset), bytes.subarray(offset)]));
      expect(parts, `split at byte ${offset}`).toEqual(expectedParts);
    }
  });

  it('gives the same parts when the bytes arrive one at a time (multibyte characters split)', async () => {
    const chunks = Array.from(bytes, (byte) => new Uint8Array([byte]));
    expect(await streamParts(fetchWith(chunks))).toEqual(expectedParts);
  });

  it('emits an empty reasoning block carrying a signature that comes with a function call alone', async () => {
    const body = sse(
      chunk([{ functionCall: { id: 'abc', name: 'weather', args: {} }, thoughtSignature: 'RklSU1Q=' }]),
      chunk([{ text: '' }], { finishReason: 'STOP', usageMetadata: { totalTokenCount: 3 } }),
    );
    const parts = await streamParts(fetchWith([encoder.encode(body)]));
    expect(parts.slice(0, 3)).toEqual([
      { type: 'reasoning-start', id: '0' },
      { type: 'reasoning-end', id: '0', providerMetadata: { google: { thoughtSignature: 'RklSU1Q=' } } },
      { type: 'tool-input-start', id: 'abc', toolName: 'weather' },
    ]);
    expect(parts.at(-1)).toMatchObject({ type: 'finish', finishReason: 'tool-calls' });
  });

  it('takes the last usage, since Gemini reports running totals on every event', async () => {
    const body = sse(
      chunk([{ text: 'a' }], {
        usageMetadata: { promptTokenCount: 5, candidatesTokenCount: 1, totalTokenCount: 6 },
      }),
      chunk([{ text: 'b' }], { usageMetadata: { trafficType: 'ON_DEMAND' } }),
      chunk([{ text: 'c' }], {
        finishReason: 'MAX_TOKENS',
        usageMetadata: { promptTokenCount: 5, candidatesTokenCount: 3, totalTokenCount: 8 },
      }),
    );
    const finish = (await streamParts(fetchWith([encoder.encode(body)]))).at(-1);
    expect(finish).toMatchObject({
      type: 'finish',
      finishReason: 'length',
      usage: { outputTokens: 3, totalTokens: 8 },
    });
  });

  it('ends a stream cut before any finish reason with a retryable IncompleteStreamError after closing the text', async () => {
    const parts = await streamParts(fetchWith([encoder.encode(sse(chunk([{ text: 'Olá' }])))]));
    expect(parts.map((part) => part.type)).toEqual(['text-start', 'text-delta', 'text-end', 'error']);
    const error = errorOf(parts);
    expect(IncompleteStreamError.isInstance(error) && error.isRetryable).toBe(true);
  });

  it('reports an in-band error as a retryable APICallError with Google status and message', async () => {
    const body = sse(chunk([{ text: 'Ol' }]), {
      error: { code: 503, message: 'The model is overloaded.', status: 'UNAVAILABLE' },
    });
    const error = errorOf(await streamParts(fetchWith([encoder.encode(body)])));
    expect(APICallError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ isRetryable: true, errorType: 'UNAVAILABLE', statusCode: 503 });
    expect((error as APICallError).message).toContain('The model is overloaded.');
  });

  it('reports an in-band invalid-argument error as not retryable', async () => {
    const body = sse({ error: { code: 400, message: 'Bad schema', status: 'INVALID_ARGUMENT' } });
    expect(errorOf(await streamParts(fetchWith([encoder.encode(body)])))).toMatchObject({
      isRetryable: false,
    });
  });

  it('ends with an InvalidResponseError when an event is not JSON', async () => {
    const error = errorOf(await streamParts(fetchWith([encoder.encode('data: {"candidates": [\r\n\r\n')])));
    expect(InvalidResponseError.isInstance(error)).toBe(true);
  });

  it('finishes with content-filter when Gemini blocks the prompt', async () => {
    const body = sse({
      promptFeedback: { blockReason: 'SAFETY' },
      usageMetadata: { promptTokenCount: 4, totalTokenCount: 4 },
    });
    const parts = await streamParts(fetchWith([encoder.encode(body)]));
    expect(parts).toEqual([
      {
        type: 'finish',
        finishReason: 'content-filter',
        usage: expect.objectContaining({ inputTokens: 4 }),
        providerMetadata: { google: { promptFeedback: { blockReason: 'SAFETY' } } },
      },
    ]);
  });

  it('rejects with a retryable APICallError carrying RESOURCE_EXHAUSTED when the stream request gets 429', async () => {
    const body = encoder.encode(
      JSON.stringify({ error: { code: 429, message: 'Quota exceeded', status: 'RESOURCE_EXHAUSTED' } }),
    );
    const error = await streamParts(
      fetchWith([body], { status: 429, contentType: 'application/json' }),
    ).catch((caught: unknown) => caught);
    expect(APICallError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ statusCode: 429, isRetryable: true, errorType: 'RESOURCE_EXHAUSTED' });
    expect((error as APICallError).message).toContain('Quota exceeded');
  });
});
