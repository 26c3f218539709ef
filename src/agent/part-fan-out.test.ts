import { createHook } from 'node:async_hooks';
import { describe, expect, it } from 'vitest';
import { type AgentResult, toAgentResult } from './agent-result.js';
import type { AgentStreamPart } from './agent-stream-part.js';
import { createAgentStreamResult } from './create-agent-stream-result.js';
import type { EmitPart } from './emit-part.js';

const emptyResult: AgentResult = toAgentResult([]);

function delta(index: number): AgentStreamPart {
  return { type: 'text-delta', id: 't', delta: String(index % 10) };
}

/** A run that emits `count` text deltas, awaiting the fan-out's back-pressure, and calls `atPart` before each. */
function emitting(count: number, atPart: (index: number) => void = () => {}) {
  return async (emit: EmitPart): Promise<AgentResult> => {
    for (let index = 0; index < count; index += 1) {
      atPart(index);
      await emit(delta(index));
    }
    return emptyResult;
  };
}

async function readAll<T>(iterable: AsyncIterable<T>): Promise<number> {
  let count = 0;
  for await (const _item of iterable) count += 1;
  return count;
}

/** A promise that counts every `then` (and so every `catch`) made on it or on promises derived from it. */
class CountingPromise<T> extends Promise<T> {
  static thenCalls = 0;
  // biome-ignore lint/suspicious/noThenProperty: counting the reactions a promise gets is the point.
  override then<R1 = T, R2 = never>(
    onFulfilled?: ((value: T) => R1 | PromiseLike<R1>) | null,
    onRejected?: ((reason: unknown) => R2 | PromiseLike<R2>) | null,
  ): Promise<R1 | R2> {
    CountingPromise.thenCalls += 1;
    return super.then(onFulfilled, onRejected);
  }
}

async function reactionsForParts(count: number): Promise<number> {
  CountingPromise.thenCalls = 0;
  const run = emitting(count);
  const stream = createAgentStreamResult((emit) => CountingPromise.resolve().then(() => run(emit)));
  const full = stream.fullStream;
  const text = stream.textStream;
  const [parts, deltas] = await Promise.all([readAll(full), readAll(text)]);
  expect([parts, deltas]).toEqual([count, count]);
  await stream.result;
  return CountingPromise.thenCalls;
}

describe('agent stream fan-out', () => {
  it("attaches to the run's promise a fixed number of times, however many parts are read", async () => {
    const few = await reactionsForParts(10);
    const many = await reactionsForParts(2000);
    expect(many).toBe(few);
    expect(many).toBeLessThanOrEqual(4);
  });

  it('keeps the number of pending promises constant as parts flow', async () => {
    // Promise hooks: a promise is pending from `init` until `promiseResolve`. Reactions that wait for the
    // end of the run (one per part read, before the fix) pile up here.
    const pending = new Set<number>();
    const hook = createHook({
      init: (id, type) => void (type === 'PROMISE' && pending.add(id)),
      promiseResolve: (id) => void pending.delete(id),
    });
    const samples = new Map<number, number>();
    const stream = createAgentStreamResult(
      emitting(3000, (index) => {
        if (index === 500 || index === 2900) samples.set(index, pending.size);
      }),
    );
    hook.enable();
    try {
      expect(await readAll(stream.fullStream)).toBe(3000);
    } finally {
      hook.disable();
    }
    const growth = (samples.get(2900) ?? 0) - (samples.get(500) ?? 0);
    expect(growth).toBeLessThan(50);
  });

  it('runs at most one part ahead of the fastest reader', async () => {
    let emitted = 0;
    const stream = createAgentStreamResult(emitting(200, () => (emitted += 1)));
    const reader = stream.fullStream[Symbol.asyncIterator]();
    let read = 0;
    let furthestAhead = 0;
    while (!(await reader.next()).done) {
      read += 1;
      await new Promise((resolve) => setImmediate(resolve));
      furthestAhead = Math.max(furthestAhead, emitted - read);
    }
    expect(read).toBe(200);
    expect(furthestAhead).toBeLessThanOrEqual(1);
  });

  it('queues for a slow view only while a faster one reads, and delivers every part to both', async () => {
    const stream = createAgentStreamResult(emitting(100));
    const slow = stream.fullStream[Symbol.asyncIterator]();
    const fast = await readAll(stream.fullStream);
    expect(fast).toBe(100);
    let slowCount = 0;
    while (!(await slow.next()).done) slowCount += 1;
    expect(slowCount).toBe(100);
  });

  it('answers next() calls made before the previous one settled, in order', async () => {
    const stream = createAgentStreamResult(emitting(3));
    const reader = stream.textStream[Symbol.asyncIterator]();
    const results = await Promise.all([reader.next(), reader.next(), reader.next(), reader.next()]);
    expect(results).toEqual([
      { done: false, value: '0' },
      { done: false, value: '1' },
      { done: false, value: '2' },
      { done: true, value: undefined },
    ]);
  });

  it('throws the run error once to a waiting reader, then ends', async () => {
    const failure = new Error('run failed');
    const stream = createAgentStreamResult(async (emit) => {
      await emit(delta(0));
      throw failure;
    });
    const reader = stream.fullStream[Symbol.asyncIterator]();
    expect(await reader.next()).toEqual({ done: false, value: delta(0) });
    await expect(reader.next()).rejects.toBe(failure);
    expect(await reader.next()).toEqual({ done: true, value: undefined });
    await expect(stream.result).rejects.toBe(failure);
  });
});
