import { describe, expect, it } from 'vitest';
import { createAgent } from '../agent/create-agent.js';
import { APICallError } from '../errors/api-call-error.js';
import { RetryError } from '../errors/retry-error.js';
import { generateObject } from '../object/generate-object.js';
import { streamObject } from '../object/stream-object.js';
import { createOpenAI } from '../providers/openai/index.js';
import type { CallRetryEvent } from '../spec/call-options.js';
import { userMessage } from '../spec/message.js';
import type { StreamPart } from '../spec/stream-part.js';

const prompt = [userMessage('Hi')];
const fast = { retry: { initialDelayMs: 1 } };

/** A fetch answering request n with `answers[n]` (the last one again after the end), counting requests. */
function answering(...answers: Array<() => Response>): typeof fetch & { count: () => number } {
  let count = 0;
  const fetchFunction = async () => {
    const answer = answers[Math.min(count, answers.length - 1)] as () => Response;
    count++;
    return answer();
  };
  return Object.assign(fetchFunction, { count: () => count }) as never;
}

const tooMany = () =>
  new Response('{"error":{"message":"slow down"}}', { status: 429, headers: { 'retry-after-ms': '1' } });
const completion = (text: string) => () =>
  Response.json({
    id: 'c',
    model: 'gpt-4o',
    choices: [{ index: 0, message: { role: 'assistant', content: text }, finish_reason: 'stop' }],
    usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
  });
const sse =
  (chunks: unknown[], done = true) =>
  () =>
    new Response(
      chunks.map((chunk) => `data: ${JSON.stringify(chunk)}\n\n`).join('') + (done ? 'data: [DONE]\n\n' : ''),
      {
        headers: { 'content-type': 'text/event-stream' },
      },
    );
const delta = (content: string) => ({ id: 'c', choices: [{ index: 0, delta: { content } }] });
const stop = { id: 'c', choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] };
const cutBeforeOutput = sse([], false);
const cutAfterOutput = sse([delta('Hel')], false);
const whole = sse([delta('Hel'), delta('lo'), stop]);

const model = (fetch: typeof globalThis.fetch) => createOpenAI({ apiKey: 'k', fetch }).chat('gpt-4o');

async function collect(parts: AsyncIterable<StreamPart>): Promise<StreamPart[]> {
  const all: StreamPart[] = [];
  for await (const part of parts) all.push(part);
  return all;
}

describe('retries on every model call', () => {
  it('retries generate on a 429 after its retry-after, reporting each retry to onRetry', async () => {
    const fetch = answering(tooMany, tooMany, completion('Hello'));
    const events: CallRetryEvent[] = [];
    const result = await model(fetch).generate({ prompt, onRetry: (event) => void events.push(event) });
    expect(result.text).toBe('Hello');
    expect(fetch.count()).toBe(3);
    expect(events.map(({ attempt, delayMs }) => ({ attempt, delayMs }))).toEqual([
      { attempt: 1, delayMs: 1 },
      { attempt: 2, delayMs: 1 },
    ]);
    expect(APICallError.isInstance(events[0]?.error)).toBe(true);
  });

  it('gives up after maxRetries with a RetryError listing every attempt, and fails at once with 0', async () => {
    const fetch = answering(tooMany);
    const error = await model(fetch)
      .generate({ prompt, maxRetries: 1 })
      .catch((caught: unknown) => caught);
    expect(RetryError.isInstance(error)).toBe(true);
    expect((error as RetryError).errors).toHaveLength(2);
    const once = answering(tooMany);
    const raw = await model(once)
      .generate({ prompt, maxRetries: 0 })
      .catch((caught: unknown) => caught);
    expect(APICallError.isInstance(raw)).toBe(true);
    expect(once.count()).toBe(1);
  });

  it('does not retry an error that is not retryable', async () => {
    const fetch = answering(() => new Response('{"error":{"message":"bad key"}}', { status: 401 }));
    await expect(model(fetch).generate({ prompt })).rejects.toMatchObject({ statusCode: 401 });
    expect(fetch.count()).toBe(1);
  });

  it('retries a stream whose request failed, and one cut before any output, then streams it whole', async () => {
    const fetch = answering(tooMany, cutBeforeOutput, whole);
    const retries: number[] = [];
    const parts = await collect(
      await model(fetch).stream({ prompt, ...fast, onRetry: ({ attempt }) => void retries.push(attempt) }),
    );
    expect(retries).toEqual([1, 2]);
    const text = parts.flatMap((part) => (part.type === 'text-delta' ? [part.delta] : [])).join('');
    expect(text).toBe('Hello');
    expect(parts.at(-1)?.type).toBe('finish');
  });

  it('never retries a stream once output reached the caller: the cut is reported in-band', async () => {
    const fetch = answering(cutAfterOutput, whole);
    const parts = await collect(await model(fetch).stream({ prompt, ...fast }));
    expect(fetch.count()).toBe(1);
    expect(parts.filter((part) => part.type === 'text-delta')).toHaveLength(1);
    expect(parts.at(-1)).toMatchObject({ type: 'error', error: { isRetryable: true } });
  });

  it('ends a stream whose every attempt failed in-band with one RetryError part', async () => {
    const fetch = answering(cutBeforeOutput);
    const parts = await collect(await model(fetch).stream({ prompt, ...fast, maxRetries: 2 }));
    expect(fetch.count()).toBe(3);
    expect(parts).toHaveLength(1);
    expect(parts[0]?.type === 'error' && RetryError.isInstance(parts[0].error)).toBe(true);
  });

  it('stops a stream retried and then left early, cancelling the provider stream', async () => {
    let cancelled = false;
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(`data: ${JSON.stringify(delta('Hi'))}\n\n`));
      },
      cancel() {
        cancelled = true;
      },
    });
    const fetch = answering(
      tooMany,
      () => new Response(body, { headers: { 'content-type': 'text/event-stream' } }),
    );
    for await (const part of await model(fetch).stream({ prompt })) if (part.type === 'text-delta') break;
    expect(cancelled).toBe(true);
  });

  it('retries generateObject and streamObject with the same options', async () => {
    const person = '{"name":"Ada"}';
    const schema = { type: 'object', properties: { name: { type: 'string' } }, required: ['name'] };
    const generated = answering(tooMany, completion(person));
    const events: number[] = [];
    const { object } = await generateObject({
      model: model(generated),
      schema,
      prompt: 'Ada',
      onRetry: ({ attempt }) => void events.push(attempt),
    });
    expect(object).toEqual({ name: 'Ada' });
    expect(events).toEqual([1]);
    const streamed = answering(tooMany, cutBeforeOutput, sse([delta(person), stop]));
    const result = await streamObject({ model: model(streamed), schema, prompt: 'Ada', ...fast });
    expect((await result.object).object).toEqual({ name: 'Ada' });
    expect(streamed.count()).toBe(3);
  });

  it('lets the agent retry a step alone: a model call never retries underneath it', async () => {
    const fetch = answering(tooMany);
    const agent = createAgent(model(fetch), { maxRetries: 1, retry: { initialDelayMs: 1 } });
    await expect(agent.generate({ prompt: 'Hi' })).rejects.toSatisfy(RetryError.isInstance);
    expect(fetch.count()).toBe(2);
    const streamed = answering(tooMany);
    const run = await createAgent(model(streamed), { maxRetries: 1, retry: { initialDelayMs: 1 } }).stream({
      prompt: 'Hi',
    });
    await expect(run.result).rejects.toSatisfy(RetryError.isInstance);
    expect(streamed.count()).toBe(2);
  });
});
