import { InvalidArgumentError } from '../errors/invalid-argument-error.js';
import { TimeoutError, type TimeoutKind } from '../errors/timeout-error.js';
import type { RequestOptions, TimeoutOptions } from '../spec/call-options.js';

/** What a reader's `read()` gives (spelled without the DOM-only `ReadableStreamReadResult`). */
type ReadResult<T> = Awaited<ReturnType<ReadableStreamDefaultReader<T>['read']>>;

/** What a watchdog guards: the call's timeouts and the caller's signal. */
export interface RequestWatchdogOptions {
  timeout: RequestOptions['timeout'];
  abortSignal: AbortSignal | undefined;
  /** Named in the `TimeoutError`. */
  url: string;
  /** A monotonic clock in ms; replace it in tests. @default performance.now */
  now?: () => number;
}

/** setTimeout fires at once for longer delays; a longer limit re-arms when this one runs out. */
const longestTimerMs = 2_147_483_647;

/** Errors watchdogs failed requests with: a caller's abort reason must reach the caller unwrapped. */
const failures = new WeakSet<object>();

/** True for an error a watchdog failed its request with (a timeout, or the caller's abort reason). */
export function isWatchdogFailure(error: unknown): boolean {
  return typeof error === 'object' && error !== null && failures.has(error);
}

/** A body reader, as far as the watchdog uses it. */
interface CancelableReader {
  cancel(reason?: unknown): Promise<void>;
}

/**
 * Creates the watchdog of one request, or returns undefined when the call has neither a timeout nor a signal
 * (then nothing is allocated and the body is read directly).
 */
export function createRequestWatchdog(options: RequestWatchdogOptions): RequestWatchdog | undefined {
  if (options.timeout === undefined && options.abortSignal === undefined) return undefined;
  return new RequestWatchdog(options);
}

/**
 * Enforces a call's timeouts and abort signal from the request until the last body chunk, with one timer:
 * a read only records when it started, and when the timer fires it either fails the request or re-arms for
 * the deadline the latest read moved. The pause between chunks is counted only while a read waits, so a
 * slow consumer (backpressure) is not mistaken for a stalled server. Failing aborts `signal` (the fetch) and
 * cancels the body reader, so a fetch that ignores its signal cannot keep the caller waiting.
 *
 * @example
 * const watchdog = createRequestWatchdog({ timeout: { chunkMs: 15_000 }, abortSignal, url });
 * const response = await watchdog.guard(fetch(url, { signal: watchdog.signal }));
 * const reader = response.body.getReader();
 * for (let chunk = await watchdog.read(reader); !chunk.done; chunk = await watchdog.read(reader)) use(chunk.value);
 * watchdog.dispose();
 */
export class RequestWatchdog {
  /** Aborted when the caller's signal aborts or a limit is reached; pass it to fetch. */
  readonly signal: AbortSignal;
  readonly #controller = new AbortController();
  readonly #limits: TimeoutOptions;
  readonly #url: string;
  readonly #now: () => number;
  readonly #callerSignal: AbortSignal | undefined;
  readonly #startedAt: number;
  #sawChunk = false;
  /** When the pending read started; undefined while no read waits. */
  #waitingSince: number | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #timerDeadline = Number.POSITIVE_INFINITY;
  #reader: CancelableReader | undefined;
  #failure: { error: unknown } | undefined;
  #expiry: { promise: Promise<never>; reject: (error: unknown) => void } | undefined;
  #disposed = false;

  constructor(options: RequestWatchdogOptions) {
    this.signal = this.#controller.signal;
    this.#limits = normalizeTimeout(options.timeout);
    this.#url = options.url;
    this.#now = options.now ?? (() => performance.now());
    this.#callerSignal = options.abortSignal;
    this.#startedAt = this.#now();
    if (this.#callerSignal?.aborted) {
      this.#fail(this.#callerSignal.reason);
      return;
    }
    this.#callerSignal?.addEventListener('abort', this.#onAbort, { once: true });
    this.#schedule(this.#startedAt);
  }

  /** The error the request failed with (a `TimeoutError` or the caller's abort reason), once it failed. */
  get failure(): { error: unknown } | undefined {
    return this.#failure;
  }

  /** Settles with `promise`, or rejects with the watchdog's error as soon as the request fails. */
  guard<T>(promise: Promise<T>): Promise<T> {
    if (this.#failure !== undefined) {
      promise.catch(() => {});
      return Promise.reject(this.#failure.error);
    }
    if (this.#expiry === undefined) {
      let reject!: (error: unknown) => void;
      const expiry = new Promise<never>((_, rejectExpiry) => {
        reject = rejectExpiry;
      });
      expiry.catch(() => {});
      this.#expiry = { promise: expiry, reject };
    }
    return Promise.race([promise, this.#expiry.promise]);
  }

  /**
   * Reads one chunk of the body and records its arrival. Once the request failed, the read throws the
   * failure, whatever the reader answered (a cancelled reader answers `done`).
   */
  async read<T>(reader: ReadableStreamDefaultReader<T>): Promise<ReadResult<T>> {
    this.#throwIfFailed();
    this.#reader = reader;
    this.#startWaiting();
    let result: ReadResult<T>;
    try {
      result = await reader.read();
    } catch (error) {
      this.#throwIfFailed();
      throw error;
    } finally {
      this.#waitingSince = undefined;
    }
    this.#throwIfFailed();
    if (!result.done) this.#sawChunk = true;
    return result;
  }

  #throwIfFailed(): void {
    if (this.#failure !== undefined) throw this.#failure.error;
  }

  /** Stops watching: the timer is cleared and the caller's signal no longer observed. Idempotent. */
  dispose(): void {
    if (this.#disposed) return;
    this.#disposed = true;
    this.#clearTimer();
    this.#callerSignal?.removeEventListener('abort', this.#onAbort);
  }

  readonly #onAbort = (): void => {
    this.#fail(this.#callerSignal?.reason);
  };

  readonly #onTimer = (): void => {
    this.#timer = undefined;
    this.#timerDeadline = Number.POSITIVE_INFINITY;
    if (this.#disposed) return;
    const now = this.#now();
    const reached = this.#reachedLimit(now);
    if (reached === undefined) this.#schedule(now);
    else this.#fail(new TimeoutError({ ...reached, url: this.#url }));
  };

  /**
   * Marks a read as waiting. The armed timer usually fires before the new deadline and re-arms then; only
   * after a pause of the consumer (timer disarmed, or armed for the total) is it armed anew here.
   */
  #startWaiting(): void {
    const now = this.#now();
    this.#waitingSince = now;
    if (this.#disposed || this.#limits.chunkMs === undefined || !this.#sawChunk) return;
    if (now + this.#limits.chunkMs < this.#timerDeadline) this.#schedule(now);
  }

  /** Arms the timer for the nearest deadline; there is none when no limit applies at the moment. */
  #schedule(now: number): void {
    this.#clearTimer();
    const deadline = this.#nextDeadline();
    if (deadline === undefined) return;
    const timer = setTimeout(this.#onTimer, Math.min(Math.max(0, deadline - now), longestTimerMs));
    // A watchdog must never be what keeps a process alive; the request's socket does that while it lasts.
    (timer as { unref?: () => void }).unref?.();
    this.#timer = timer;
    this.#timerDeadline = deadline;
  }

  #clearTimer(): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#timerDeadline = Number.POSITIVE_INFINITY;
  }

  #nextDeadline(): number | undefined {
    const { totalMs } = this.#limits;
    const total = totalMs === undefined ? undefined : this.#startedAt + totalMs;
    const idle = this.#idleLimit();
    const idleDeadline = idle === undefined ? undefined : idle.since + idle.ms;
    if (total === undefined) return idleDeadline;
    return idleDeadline === undefined ? total : Math.min(total, idleDeadline);
  }

  /** The wait that counts now: for the first chunk since the request, or for the next one since the read began. */
  #idleLimit(): { kind: TimeoutKind; ms: number; since: number } | undefined {
    const { firstChunkMs, chunkMs } = this.#limits;
    if (!this.#sawChunk) {
      return firstChunkMs === undefined
        ? undefined
        : { kind: 'first-chunk', ms: firstChunkMs, since: this.#startedAt };
    }
    if (chunkMs === undefined || this.#waitingSince === undefined) return undefined;
    return { kind: 'chunk', ms: chunkMs, since: this.#waitingSince };
  }

  #reachedLimit(now: number): { kind: TimeoutKind; ms: number } | undefined {
    const { totalMs } = this.#limits;
    if (totalMs !== undefined && now - this.#startedAt >= totalMs) return { kind: 'total', ms: totalMs };
    const idle = this.#idleLimit();
    if (idle !== undefined && now - idle.since >= idle.ms) return { kind: idle.kind, ms: idle.ms };
    return undefined;
  }

  #fail(error: unknown): void {
    if (this.#failure !== undefined || this.#disposed) return;
    this.#failure = { error };
    if (typeof error === 'object' && error !== null) failures.add(error);
    this.dispose();
    this.#controller.abort(error);
    this.#expiry?.reject(error);
    this.#reader?.cancel(error).catch(() => {});
  }
}

const limitNames = ['totalMs', 'firstChunkMs', 'chunkMs'] as const;

/**
 * A timeout setting as limits: a number is `totalMs`, `Infinity` is no limit. Throws an
 * `InvalidArgumentError` for a limit that is not a positive whole number (NaN, negative, fractional).
 */
export function normalizeTimeout(timeout: RequestOptions['timeout']): TimeoutOptions {
  if (timeout === undefined) return {};
  const limits = typeof timeout === 'number' ? { totalMs: timeout } : timeout;
  const normalized: TimeoutOptions = {};
  for (const name of limitNames) {
    const value = limits[name];
    if (value === undefined || value === Number.POSITIVE_INFINITY) continue;
    if (typeof value !== 'number' || !Number.isInteger(value) || value <= 0) {
      throw new InvalidArgumentError({
        argument: `timeout.${name}`,
        message: `timeout.${name} must be a positive whole number of milliseconds (or Infinity), got ${String(value)}`,
      });
    }
    normalized[name] = value;
  }
  return normalized;
}
