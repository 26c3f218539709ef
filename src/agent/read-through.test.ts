import { createHook } from 'node:async_hooks';
import { describe, expect, it } from 'vitest';
import {
  collect,
  deferred,
  finishPart,
  textParts,
  toolCallParts,
  valueTool,
} from '../../test/support/agent-fixtures.js';
import { APICallError } from '../errors/api-call-error.js';
import type { StreamPart } from '../spec/stream-part.js';
import { MockLanguageModel } from '../testing/mock-language-model.js';
import type { AgentStreamPart } from './agent-stream-part.js';
import { createAgent } from './create-agent.js';

/** `count` text deltas in one block, then `finish`. */
function textStreamParts(count: number): StreamPart[] {
  const deltas = Array.from({ length: count }, (_, index) => String(index % 10));
  return [...textParts('t', ...deltas), finishPart('stop')];
}

/** A model stream answering each `next()` with an already settled promise: no timers, no generator. */
function readyStream(parts: readonly StreamPart[]): AsyncIterable<StreamPart> {
  return {
    [Symbol.asyncIterator]() {
      let index = 0;
      return {
        next: () =>
          Promise.resolve(
            index < parts.length
              ? { done: false as const, value: parts[index++] as StreamPart }
              : { done: true as const, value: undefined },
          ),
      };
    },
  };
}

/** Promises created while `read` runs (async_hooks `init` of type PROMISE). */
async function promisesCreated(read: () => Promise<unknown>): Promise<number> {
  let created = 0;
  const hook = createHook({
    init: (_id, type) => {
      if (type === 'PROMISE') created += 1;
    },
  });
  hook.enable();
  try {
    await read();
  } finally {
    hook.disable();
  }
  return created;
}

async function readModel(count: number): Promise<number> {
  let read = 0;
  for await (const _part of readyStream(textStreamParts(count))) read += 1;
  return read;
}

async function readAgent(count: number, view: 'fullStream' | 'textStream'): Promise<number> {
  const model = new MockLanguageModel({ stream: () => readyStream(textStreamParts(count)) });
  const run = await createAgent(model).stream({ prompt: 'Hi' });
  let read = 0;
  for await (const _item of run[view]) read += 1;
  return read;
}

function deltasOf(parts: readonly AgentStreamPart[]): string {
  return parts.map((part) => (part.type === 'text-delta' ? part.delta : '')).join('');
}

describe('agent stream: the only reader reads the model stream itself', () => {
  it.each(['fullStream', 'textStream'] as const)(
    '%s costs at most one promise per part more than reading the model stream',
    async (view) => {
      // Per part, measured as the difference between 2,000 and 1,000 parts so the run's fixed cost cancels.
      const modelPerPart =
        ((await promisesCreated(() => readModel(2000))) - (await promisesCreated(() => readModel(1000)))) /
        1000;
      const agentPerPart =
        ((await promisesCreated(() => readAgent(2000, view))) -
          (await promisesCreated(() => readAgent(1000, view)))) /
        1000;
      // Through the run loop a part cost the loop's await, the reader's own promise and the reader's await.
      expect(agentPerPart).toBeLessThanOrEqual(modelPerPart + 1);
    },
  );

  it('hands a view that subscribes mid-stream every part from then on', async () => {
    const model = new MockLanguageModel({ stream: textStreamParts(6) });
    const run = await createAgent(model).stream({ prompt: 'Hi' });
    const first = run.fullStream[Symbol.asyncIterator]();
    const seen: AgentStreamPart[] = [];
    // step-start, text-start, two deltas: read through while `first` is the only reader.
    for (let index = 0; index < 4; index += 1) seen.push((await first.next()).value as AgentStreamPart);
    const second = collect(run.fullStream);
    while (true) {
      const next = await first.next();
      if (next.done) break;
      seen.push(next.value);
    }
    const late = await second;
    expect(deltasOf(seen)).toBe('012345');
    expect(deltasOf(late)).toBe('2345');
    expect(late.slice(-2).map((part) => part.type)).toEqual(['finish', 'step-finish']);
    expect((await run.result).text).toBe('012345');
  });

  it('runs to the end once `result` is awaited, while the reader has stopped reading', async () => {
    const model = new MockLanguageModel({ stream: textStreamParts(5) });
    const run = await createAgent(model).stream({ prompt: 'Hi' });
    const reader = run.fullStream[Symbol.asyncIterator]();
    await reader.next();
    await reader.next();
    expect((await run.result).text).toBe('01234');
    // The parts the run emitted meanwhile were queued for the reader, in order.
    expect(deltasOf(await collect({ [Symbol.asyncIterator]: () => reader }))).toBe('01234');
  });

  it('finishes the run after the only reader leaves mid-stream, once `result` is awaited', async () => {
    const model = new MockLanguageModel({ stream: textStreamParts(5) });
    const run = await createAgent(model).stream({ prompt: 'Hi' });
    let read = 0;
    for await (const _part of run.fullStream) {
      read += 1;
      if (read === 3) break;
    }
    expect((await run.result).text).toBe('01234');
  });

  it('calls an async onChunk and validates a tool call before the view sees the part', async () => {
    const events: string[] = [];
    const model = new MockLanguageModel({
      stream: [
        [...toolCallParts('c1', 'echo', '{"value":"x"}'), finishPart('tool-calls')],
        [...textParts('t', 'done'), finishPart('stop')],
      ],
    });
    const run = await createAgent(model, { tools: [valueTool('echo')] }).stream({
      prompt: 'Hi',
      onChunk: async (part) => {
        await new Promise((resolve) => setTimeout(resolve, 1));
        events.push(`hook ${part.type}`);
      },
    });
    for await (const part of run.fullStream) events.push(`view ${part.type}`);
    const hookedThenSeen = ['tool-input-start', 'tool-input-delta', 'tool-call', 'text-delta'].every(
      (type) =>
        events.indexOf(`hook ${type}`) >= 0 &&
        events.indexOf(`hook ${type}`) < events.indexOf(`view ${type}`),
    );
    expect(hookedThenSeen, events.join(', ')).toBe(true);
    expect(events).toContain('view tool-result');
  });

  it('retries a stream that fails before its first part, and the reader sees the retried parts once', async () => {
    const model = new MockLanguageModel({
      stream: (_call, index) =>
        index === 0
          ? readyStreamFailing(
              new APICallError({ message: 'busy', url: 'https://api.test', statusCode: 503 }),
            )
          : readyStream(textStreamParts(3)),
    });
    const run = await createAgent(model, { retry: { jitter: false, sleep: async () => {} } }).stream({
      prompt: 'Hi',
    });
    const parts = await collect(run.fullStream);
    expect(deltasOf(parts)).toBe('012');
    expect(parts.filter((part) => part.type === 'step-start')).toHaveLength(1);
    expect(model.calls).toHaveLength(2);
  });

  it('fails the run with the error of a model stream whose next() throws instead of rejecting', async () => {
    const failure = new Error('broken iterator');
    let calls = 0;
    const throwing: AsyncIterable<StreamPart> = {
      [Symbol.asyncIterator]: () => ({
        next: () => {
          calls += 1;
          if (calls > 2) throw failure;
          return Promise.resolve({
            done: false as const,
            value: textParts('t', 'a')[calls - 1] as StreamPart,
          });
        },
      }),
    };
    const model = new MockLanguageModel({ stream: () => throwing });
    const run = await createAgent(model, { maxRetries: 0 }).stream({ prompt: 'Hi' });
    const reader = run.fullStream[Symbol.asyncIterator]();
    const types: string[] = [];
    const error = await (async () => {
      while (true) {
        const next = await reader.next();
        if (next.done) return undefined;
        types.push(next.value.type);
      }
    })().catch((caught: unknown) => caught);
    expect(error).toBe(failure);
    expect(types).toEqual(['step-start', 'text-start', 'text-delta']);
    await expect(run.result).rejects.toBe(failure);
  });

  it('rejects a direct read waiting on a stalled model stream as soon as the run aborts', async () => {
    const controller = new AbortController();
    const stalled = deferred();
    const model = new MockLanguageModel({
      stream: () =>
        (async function* () {
          yield* textParts('t', 'a');
          await stalled.promise;
        })(),
    });
    const run = await createAgent(model).stream({ prompt: 'Hi', abortSignal: controller.signal });
    const reader = run.fullStream[Symbol.asyncIterator]();
    for (let index = 0; index < 4; index += 1) await reader.next();
    const pending = reader.next();
    controller.abort(new Error('stop'));
    await expect(pending).rejects.toThrow('stop');
    await expect(run.result).rejects.toThrow('stop');
    stalled.resolve();
  });
});

/** A model stream whose first `next()` rejects with `error`. */
function readyStreamFailing(error: unknown): AsyncIterable<StreamPart> {
  return { [Symbol.asyncIterator]: () => ({ next: () => Promise.reject(error) }) };
}
