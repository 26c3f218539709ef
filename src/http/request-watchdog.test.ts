import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { InvalidArgumentError } from '../errors/invalid-argument-error.js';
import { TimeoutError } from '../errors/timeout-error.js';
import type { RequestOptions } from '../spec/call-options.js';
import { createRequestWatchdog, normalizeTimeout, type RequestWatchdog } from './request-watchdog.js';

const url = 'https://api.test/v1/chat/completions';

/** A watchdog on the fake clock. */
function watch(timeout: RequestOptions['timeout'], abortSignal?: AbortSignal): RequestWatchdog {
  const watchdog = createRequestWatchdog({ timeout, abortSignal, url, now: () => Date.now() });
  if (watchdog === undefined) throw new Error('expected a watchdog');
  return watchdog;
}

/** A body whose chunks the test pushes by hand. */
function manualBody(): {
  reader: ReadableStreamDefaultReader<Uint8Array>;
  push(): void;
  cancelled: unknown[];
} {
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  const cancelled: unknown[] = [];
  const stream = new ReadableStream<Uint8Array>({
    start(streamController) {
      controller = streamController;
    },
    cancel(reason) {
      cancelled.push(reason);
    },
  });
  return { reader: stream.getReader(), push: () => controller.enqueue(new Uint8Array([1])), cancelled };
}

const never = () => new Promise<never>(() => {});

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('createRequestWatchdog', () => {
  it('creates nothing for a call without a timeout or a signal', () => {
    expect(createRequestWatchdog({ timeout: undefined, abortSignal: undefined, url })).toBeUndefined();
  });

  it('rejects a limit that is not a positive number with an InvalidArgumentError naming it', () => {
    for (const timeout of [0, -5, Number.NaN, { chunkMs: 0 }, { firstChunkMs: Number.NaN }]) {
      const error = (() => {
        try {
          normalizeTimeout(timeout);
        } catch (caught) {
          return caught;
        }
      })();
      expect(InvalidArgumentError.isInstance(error), JSON.stringify(timeout)).toBe(true);
    }
  });

  it('reads a number as totalMs and Infinity as no limit', () => {
    expect(normalizeTimeout(500)).toEqual({ totalMs: 500 });
    expect(normalizeTimeout({ totalMs: Number.POSITIVE_INFINITY, chunkMs: 20 })).toEqual({ chunkMs: 20 });
  });
});

describe('RequestWatchdog', () => {
  it('fails a request that gets no response within firstChunkMs, aborting the fetch signal', async () => {
    const watchdog = watch({ firstChunkMs: 50 });
    const guarded = watchdog.guard(never());
    const outcome = guarded.catch((error: unknown) => error);
    await vi.advanceTimersByTimeAsync(49);
    expect(watchdog.signal.aborted).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    const error = await outcome;
    expect(TimeoutError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ kind: 'first-chunk', ms: 50, url, isRetryable: true });
    expect(watchdog.signal.reason).toBe(error);
  });

  it('counts the wait for the first body chunk from the request, not from the first read', async () => {
    const watchdog = watch({ firstChunkMs: 50 });
    await vi.advanceTimersByTimeAsync(30);
    const body = manualBody();
    const read = watchdog.read(body.reader).catch((error: unknown) => error);
    await vi.advanceTimersByTimeAsync(20);
    expect(await read).toMatchObject({ name: 'TimeoutError', kind: 'first-chunk' });
    expect(body.cancelled).toHaveLength(1);
  });

  it('fails a read that waits longer than chunkMs once the body started', async () => {
    const watchdog = watch({ chunkMs: 40 });
    const body = manualBody();
    body.push();
    expect((await watchdog.read(body.reader)).done).toBe(false);
    const read = watchdog.read(body.reader).catch((error: unknown) => error);
    await vi.advanceTimersByTimeAsync(40);
    expect(await read).toMatchObject({ kind: 'chunk', ms: 40, isRetryable: true });
  });

  it('does not count time in which no read waits (a slow consumer is not a stalled server)', async () => {
    const watchdog = watch({ chunkMs: 40 });
    const body = manualBody();
    body.push();
    await watchdog.read(body.reader);
    await vi.advanceTimersByTimeAsync(500);
    body.push();
    expect((await watchdog.read(body.reader)).done).toBe(false);
    expect(watchdog.failure).toBeUndefined();
  });

  it('fails the whole call after totalMs however steadily chunks arrive, and that is not retryable', async () => {
    const watchdog = watch(100);
    const body = manualBody();
    let elapsed = 0;
    for (; elapsed < 200 && watchdog.failure === undefined; elapsed += 10) {
      body.push();
      await watchdog.read(body.reader);
      await vi.advanceTimersByTimeAsync(10);
    }
    expect(elapsed).toBe(100);
    expect(watchdog.failure?.error).toMatchObject({ kind: 'total', ms: 100, isRetryable: false });
    await expect(watchdog.read(body.reader)).rejects.toBe(watchdog.failure?.error);
  });

  it('arms one timer per stream, not one per chunk', async () => {
    const setTimeoutSpy = vi.spyOn(globalThis, 'setTimeout');
    const watchdog = watch({ totalMs: 60_000, firstChunkMs: 1000, chunkMs: 1000 });
    const body = manualBody();
    for (let index = 0; index < 1000; index += 1) {
      body.push();
      await watchdog.read(body.reader);
    }
    expect(setTimeoutSpy.mock.calls.length).toBeLessThanOrEqual(2);
    watchdog.dispose();
  });

  it('re-arms lazily when the timer fires before the deadline a later read moved', async () => {
    const setTimeoutSpy = vi.spyOn(globalThis, 'setTimeout');
    const watchdog = watch({ chunkMs: 100 });
    const body = manualBody();
    body.push();
    await watchdog.read(body.reader);
    const read = watchdog.read(body.reader);
    for (let index = 0; index < 10; index += 1) {
      await vi.advanceTimersByTimeAsync(60);
      body.push();
      await read;
    }
    expect(watchdog.failure).toBeUndefined();
    expect(setTimeoutSpy.mock.calls.length).toBeLessThanOrEqual(3);
    watchdog.dispose();
  });

  it('fails at once, with the reason, when the caller signal is already aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    const watchdog = watch(undefined, controller.signal);
    await expect(watchdog.guard(never())).rejects.toBe(controller.signal.reason);
    expect(watchdog.signal.aborted).toBe(true);
  });

  it('ends a pending read with the abort reason when the caller aborts, cancelling the body', async () => {
    const controller = new AbortController();
    const watchdog = watch(undefined, controller.signal);
    const body = manualBody();
    const read = watchdog.read(body.reader).catch((error: unknown) => error);
    controller.abort(new Error('stop'));
    expect(await read).toBe(controller.signal.reason);
    expect(body.cancelled).toEqual([controller.signal.reason]);
  });

  it('stops watching once disposed: no timer fires and the signal is left alone', async () => {
    const controller = new AbortController();
    const watchdog = watch({ totalMs: 10 }, controller.signal);
    watchdog.dispose();
    await vi.advanceTimersByTimeAsync(100);
    controller.abort();
    expect(watchdog.failure).toBeUndefined();
    expect(watchdog.signal.aborted).toBe(false);
    expect(vi.getTimerCount()).toBe(0);
  });
});
