import { APICallError } from '../errors/api-call-error.js';
import { FantasyError } from '../errors/fantasy-error.js';
import { InvalidArgumentError } from '../errors/invalid-argument-error.js';
import { RetryError } from '../errors/retry-error.js';
import { isAbortError } from './post-json.js';
import { isTransportErrorCode } from './transport-error-code.js';

/** What `onRetry` learns before each wait. */
export interface RetryEvent {
  /** The error of the attempt that just failed. */
  error: unknown;
  /** 1-based number of the attempt that failed. */
  attempt: number;
  /** How long the next attempt waits. */
  delayMs: number;
}

/** How `retryWithBackoff` waits and decides. */
export interface RetryOptions {
  /** Retries after the first attempt; `0` disables retrying. @default 2 */
  maxRetries?: number | undefined;
  /** @default 2000 */
  initialDelayMs?: number | undefined;
  /** Each retry waits this many times longer than the previous one. @default 2 */
  backoffFactor?: number | undefined;
  /** The longest wait, for backoff and for `retry-after` headers alike. @default 60000 */
  maxDelayMs?: number | undefined;
  /**
   * Spreads the backoff so clients that failed together do not retry together: `true` is equal jitter (a
   * random 50–100 % of the delay), `false` waits the delay exactly, a function maps the delay itself. A
   * `retry-after` from the provider is waited exactly. @default true
   */
  jitter?: boolean | ((delayMs: number) => number) | undefined;
  /** Called before each wait; may be async. */
  onRetry?: ((event: RetryEvent) => void | Promise<void>) | undefined;
  abortSignal?: AbortSignal | undefined;
  /** Decides which errors are worth another attempt. @default isRetryableError */
  isRetryable?: ((error: unknown) => boolean) | undefined;
  /** Waits; replace it in tests. @default a setTimeout that honours the signal */
  sleep?: ((delayMs: number, abortSignal?: AbortSignal) => Promise<void>) | undefined;
  /** The current time in ms, for HTTP-date `retry-after` headers. @default Date.now */
  now?: (() => number) | undefined;
}

/**
 * Calls `fn` until it succeeds, waiting with exponential backoff (or the provider's `retry-after`) between
 * attempts. Aborts are never retried and reject with the abort error as is; a first error that is not
 * retryable is rethrown raw; otherwise, after more than one attempt, a `RetryError` lists every error.
 * Options that are not sane numbers (NaN, negative, fractional counts) throw an `InvalidArgumentError` first.
 *
 * @example
 * const result = await retryWithBackoff(() => model.generate(call), { maxRetries: 3, abortSignal });
 */
export async function retryWithBackoff<T>(
  fn: (attempt: number) => Promise<T>,
  options: RetryOptions = {},
): Promise<T> {
  checkRetryOptions(options);
  const maxRetries = options.maxRetries ?? 2;
  const isRetryable = options.isRetryable ?? isRetryableError;
  const errors: unknown[] = [];
  for (let attempt = 1; ; attempt++) {
    options.abortSignal?.throwIfAborted();
    try {
      return await fn(attempt);
    } catch (error) {
      if (isAbortError(error) || options.abortSignal?.aborted) throw error;
      errors.push(error);
      if (maxRetries === 0 && errors.length === 1) throw error;
      if (!isRetryable(error)) {
        if (errors.length === 1) throw error;
        throw new RetryError({ errors, reason: 'error-not-retryable' });
      }
      if (attempt > maxRetries) throw new RetryError({ errors, reason: 'max-retries-exceeded' });
      const delayMs = retryDelayMs(error, attempt, options);
      await options.onRetry?.({ error, attempt, delayMs });
      await (options.sleep ?? sleep)(delayMs, options.abortSignal);
    }
  }
}

/** The numeric retry options, each a number in its range; `retry.` names them in the error. */
const retryNumberRules: Array<{ name: keyof RetryOptions; integer: boolean; minimum: number; what: string }> =
  [
    { name: 'maxRetries', integer: true, minimum: 0, what: 'a whole number, 0 or more' },
    {
      name: 'initialDelayMs',
      integer: false,
      minimum: 0,
      what: 'a finite number of milliseconds, 0 or more',
    },
    { name: 'maxDelayMs', integer: false, minimum: 0, what: 'a finite number of milliseconds, 0 or more' },
    { name: 'backoffFactor', integer: false, minimum: 1, what: 'a finite number, 1 or more' },
  ];

/** Throws an `InvalidArgumentError` for a retry option that is NaN, infinite, out of range or fractional. */
export function checkRetryOptions(options: RetryOptions): void {
  for (const rule of retryNumberRules) {
    const value = options[rule.name];
    if (value === undefined) continue;
    const valid =
      typeof value === 'number' &&
      Number.isFinite(value) &&
      value >= rule.minimum &&
      (!rule.integer || Number.isInteger(value));
    if (!valid) {
      throw new InvalidArgumentError({
        argument: rule.name,
        message: `${rule.name} must be ${rule.what}, got ${String(value)}`,
      });
    }
  }
}

/**
 * True for errors a retry may fix: fantasy-ts errors marked retryable (408/409/429/5xx, cut streams) and
 * network failures that `fetch` reports as a `TypeError` or with a socket error code.
 */
export function isRetryableError(error: unknown): boolean {
  if (FantasyError.isInstance(error)) return error.isRetryable;
  return isNetworkError(error);
}

const networkMessages =
  /^(fetch failed|failed to fetch|load failed|networkerror when attempting to fetch resource\.?)$/i;
/**
 * True for a connection failure: fetch's `TypeError` (Node, Chrome, Firefox, Safari wording), a socket or DNS
 * code, any undici network error code or an HTTP/2 stream or session error, on the error or a cause.
 */
export function isNetworkError(error: unknown): boolean {
  if (error instanceof TypeError && networkMessages.test(error.message)) return true;
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && isTransportErrorCode(code)) return true;
  const cause = (error as { cause?: unknown } | null)?.cause;
  return cause !== undefined && cause !== error && typeof cause === 'object' && isNetworkError(cause);
}

/** The wait before the next attempt: the provider's `retry-after` when sane (0 < d ≤ 60 s), else backoff. */
export function retryDelayMs(error: unknown, attempt: number, options: RetryOptions = {}): number {
  const maxDelayMs = options.maxDelayMs ?? 60_000;
  const headerDelay = APICallError.isInstance(error)
    ? retryAfterMs(error.responseHeaders, options.now ?? Date.now)
    : undefined;
  if (headerDelay !== undefined && headerDelay > 0 && headerDelay <= Math.min(60_000, maxDelayMs)) {
    return headerDelay;
  }
  const backoff = (options.initialDelayMs ?? 2000) * (options.backoffFactor ?? 2) ** (attempt - 1);
  return applyJitter(Math.min(backoff, maxDelayMs), options.jitter);
}

/** Reads `retry-after-ms` (milliseconds) or `retry-after` (seconds or an HTTP date) from lower-cased headers. */
export function retryAfterMs(
  headers: Record<string, string>,
  now: () => number = Date.now,
): number | undefined {
  const milliseconds = Number.parseFloat(headers['retry-after-ms'] ?? '');
  if (Number.isFinite(milliseconds)) return milliseconds;
  const value = headers['retry-after'];
  if (value === undefined) return undefined;
  const seconds = Number(value.trim());
  if (value.trim() !== '' && Number.isFinite(seconds)) return seconds * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : date - now();
}

function applyJitter(delayMs: number, jitter: RetryOptions['jitter']): number {
  if (typeof jitter === 'function') return jitter(delayMs);
  if (jitter === false) return delayMs;
  const [random = 0] = crypto.getRandomValues(new Uint32Array(1));
  return delayMs * (0.5 + random / 2 ** 33);
}

/** Waits `delayMs`, rejecting with the signal's reason as soon as it aborts. */
export function sleep(delayMs: number, abortSignal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (abortSignal?.aborted) {
      reject(abortSignal.reason);
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortSignal?.reason);
    };
    const timer = setTimeout(() => {
      abortSignal?.removeEventListener('abort', onAbort);
      resolve();
    }, delayMs);
    abortSignal?.addEventListener('abort', onAbort, { once: true });
  });
}
