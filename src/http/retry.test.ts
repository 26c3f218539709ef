import { describe, expect, it, vi } from 'vitest';
import { APICallError } from '../errors/api-call-error.js';
import { IncompleteStreamError } from '../errors/incomplete-stream-error.js';
import { InvalidArgumentError } from '../errors/invalid-argument-error.js';
import { RetryError } from '../errors/retry-error.js';
import { isNetworkError, isRetryableError, retryAfterMs, retryDelayMs, retryWithBackoff } from './retry.js';

function apiError(statusCode: number, responseHeaders: Record<string, string> = {}): APICallError {
  return new APICallError({ message: 'nope', url: 'https://api.test/v1', statusCode, responseHeaders });
}

/** A sleep that records the delays and returns at once. */
function recordingSleep() {
  const delays: number[] = [];
  return { delays, sleep: async (delayMs: number) => void delays.push(delayMs) };
}

/** A function that throws the given errors in turn, then returns `ok`. */
function failing(...errors: unknown[]) {
  const fn = vi.fn(async () => {
    const error = errors.shift();
    if (error !== undefined) throw error;
    return 'ok';
  });
  return fn;
}

describe('retryWithBackoff', () => {
  it('returns the first success without waiting', async () => {
    const { delays, sleep } = recordingSleep();
    await expect(retryWithBackoff(failing(), { sleep })).resolves.toBe('ok');
    expect(delays).toEqual([]);
  });

  it('retries a 500 and succeeds, waiting the initial delay of 2 s', async () => {
    const { delays, sleep } = recordingSleep();
    const fn = failing(apiError(500));
    await expect(retryWithBackoff(fn, { sleep, jitter: false })).resolves.toBe('ok');
    expect(fn).toHaveBeenCalledTimes(2);
    expect(delays).toEqual([2000]);
  });

  it('jitters the backoff by default: equal jitter, between half and all of each delay', async () => {
    const { delays, sleep } = recordingSleep();
    const errors = Array.from({ length: 6 }, () => apiError(500));
    await retryWithBackoff(failing(...errors), { sleep, maxRetries: 6, maxDelayMs: 1_000_000 });
    expect(delays).toHaveLength(6);
    delays.forEach((delay, index) => {
      const full = 2000 * 2 ** index;
      expect(delay).toBeGreaterThanOrEqual(full / 2);
      expect(delay).toBeLessThanOrEqual(full);
    });
    // Six draws that all land on the exact delay would mean no jitter at all.
    expect(delays.some((delay, index) => delay !== 2000 * 2 ** index)).toBe(true);
  });

  it('waits a retry-after exactly, without jitter', async () => {
    const { delays, sleep } = recordingSleep();
    await retryWithBackoff(failing(apiError(429, { 'retry-after': '3' })), { sleep });
    expect(delays).toEqual([3000]);
  });

  it.each([
    ['maxRetries', Number.NaN],
    ['maxRetries', -1],
    ['maxRetries', 1.5],
    ['maxRetries', Number.POSITIVE_INFINITY],
    ['initialDelayMs', -5],
    ['maxDelayMs', Number.NaN],
    ['backoffFactor', 0.5],
  ])('rejects %s = %s with an InvalidArgumentError before the first attempt', async (name, value) => {
    const fn = failing(apiError(500));
    const error = await retryWithBackoff(fn, { [name]: value, sleep: async () => {} }).catch(
      (caught) => caught,
    );
    expect(InvalidArgumentError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ argument: name });
    expect(fn).not.toHaveBeenCalled();
  });

  it('honours retry-after on a 429', async () => {
    const { delays, sleep } = recordingSleep();
    await retryWithBackoff(failing(apiError(429, { 'retry-after': '7' })), { sleep });
    expect(delays).toEqual([7000]);
  });

  it('honours retry-after-ms before retry-after', async () => {
    const { delays, sleep } = recordingSleep();
    await retryWithBackoff(failing(apiError(429, { 'retry-after-ms': '1500.7', 'retry-after': '9' })), {
      sleep,
    });
    expect(delays).toEqual([1500.7]);
  });

  it('reads retry-after as an HTTP date against the injected clock', async () => {
    const { delays, sleep } = recordingSleep();
    const now = () => Date.parse('Wed, 21 Oct 2015 07:28:00 GMT');
    const error = apiError(503, { 'retry-after': 'Wed, 21 Oct 2015 07:28:12 GMT' });
    await retryWithBackoff(failing(error), { sleep, now });
    expect(delays).toEqual([12_000]);
  });

  it('falls back to backoff when retry-after is over 60 s, zero or unreadable', async () => {
    const { delays, sleep } = recordingSleep();
    const errors = [
      apiError(429, { 'retry-after': '120' }),
      apiError(429, { 'retry-after': '0' }),
      apiError(429, { 'retry-after': 'soon' }),
    ];
    await retryWithBackoff(failing(...errors), { sleep, maxRetries: 3, jitter: false });
    expect(delays).toEqual([2000, 4000, 8000]);
  });

  it('grows the backoff by the factor and caps it at maxDelayMs', async () => {
    const { delays, sleep } = recordingSleep();
    const errors = [apiError(500), apiError(500), apiError(500), apiError(500)];
    await retryWithBackoff(failing(...errors), {
      sleep,
      maxRetries: 4,
      jitter: false,
      initialDelayMs: 1000,
      backoffFactor: 3,
      maxDelayMs: 5000,
    });
    expect(delays).toEqual([1000, 3000, 5000, 5000]);
  });

  it('applies a jitter function to the backoff', async () => {
    const { delays, sleep } = recordingSleep();
    await retryWithBackoff(failing(apiError(500)), { sleep, jitter: (delayMs) => delayMs / 4 });
    expect(delays).toEqual([500]);
  });

  it('keeps a random jitter between half and all of the delay', () => {
    for (let attempt = 1; attempt <= 20; attempt++) {
      const delay = retryDelayMs(apiError(500), 1, { jitter: true });
      expect(delay).toBeGreaterThanOrEqual(1000);
      expect(delay).toBeLessThanOrEqual(2000);
    }
  });

  it('calls onRetry with the error, attempt and delay before sleeping', async () => {
    const events: string[] = [];
    const error = apiError(502);
    await retryWithBackoff(failing(error), {
      sleep: async (delayMs) => void events.push(`sleep ${delayMs}`),
      jitter: false,
      onRetry: (event) => {
        expect(event.error).toBe(error);
        events.push(`retry ${event.attempt} ${event.delayMs}`);
      },
    });
    expect(events).toEqual(['retry 1 2000', 'sleep 2000']);
  });

  it('rethrows a non-retryable first error raw', async () => {
    const error = apiError(400);
    const fn = failing(error);
    await expect(retryWithBackoff(fn, { sleep: async () => {} })).rejects.toBe(error);
    expect(fn).toHaveBeenCalledTimes(1);
  });

  it('wraps a non-retryable error on a later attempt in a RetryError with every error', async () => {
    const errors = [apiError(500), apiError(401)];
    const failure = await retryWithBackoff(failing(...errors), { sleep: async () => {} }).catch(
      (e: unknown) => e,
    );
    expect(RetryError.isInstance(failure)).toBe(true);
    expect((failure as RetryError).errors).toEqual(errors);
    expect((failure as RetryError).reason).toBe('error-not-retryable');
    expect((failure as RetryError).cause).toBe(errors[1]);
  });

  it('gives up after maxRetries with a RetryError whose cause is the last error', async () => {
    const errors = [apiError(500), apiError(503), apiError(504)];
    const fn = failing(...errors, apiError(500));
    const failure = await retryWithBackoff(fn, { sleep: async () => {} }).catch((e: unknown) => e);
    expect(fn).toHaveBeenCalledTimes(3);
    expect((failure as RetryError).reason).toBe('max-retries-exceeded');
    expect((failure as RetryError).errors).toEqual(errors);
    expect((failure as RetryError).cause).toBe(errors[2]);
    expect((failure as RetryError).message).toContain('failed after 3 attempts');
  });

  it('rethrows the first error raw when maxRetries is 0', async () => {
    const error = apiError(500);
    await expect(retryWithBackoff(failing(error), { maxRetries: 0 })).rejects.toBe(error);
  });

  it('never retries an abort error and rethrows it as is', async () => {
    const abort = new DOMException('stopped', 'AbortError');
    const fn = failing(abort);
    await expect(retryWithBackoff(fn, { sleep: async () => {} })).rejects.toBe(abort);
    expect(fn).toHaveBeenCalledTimes(1);
  });

  it('does not retry once the signal has aborted, whatever the error', async () => {
    const controller = new AbortController();
    const error = apiError(500);
    const fn = vi.fn(async () => {
      controller.abort();
      throw error;
    });
    await expect(retryWithBackoff(fn, { abortSignal: controller.signal })).rejects.toBe(error);
    expect(fn).toHaveBeenCalledTimes(1);
  });

  it('rejects with the abort reason when the signal aborts during the wait', async () => {
    const controller = new AbortController();
    const promise = retryWithBackoff(failing(apiError(500)), {
      abortSignal: controller.signal,
      onRetry: () => controller.abort(),
    });
    await expect(promise).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('retries network failures that fetch reports as a TypeError', async () => {
    const { delays, sleep } = recordingSleep();
    await expect(retryWithBackoff(failing(new TypeError('fetch failed')), { sleep })).resolves.toBe('ok');
    expect(delays).toHaveLength(1);
  });

  it('does not retry plain errors', async () => {
    const error = new Error('bug');
    await expect(retryWithBackoff(failing(error), { sleep: async () => {} })).rejects.toBe(error);
  });

  it('accepts a custom retryability rule', async () => {
    const fn = failing(new Error('flaky'));
    await expect(retryWithBackoff(fn, { sleep: async () => {}, isRetryable: () => true })).resolves.toBe(
      'ok',
    );
  });
});

describe('isRetryableError', () => {
  it('follows FantasyError.isRetryable', () => {
    expect(isRetryableError(apiError(429))).toBe(true);
    expect(isRetryableError(apiError(404))).toBe(false);
    expect(isRetryableError(new IncompleteStreamError())).toBe(true);
  });

  it('recognises socket error codes, also on the cause', () => {
    expect(isNetworkError(Object.assign(new Error('reset'), { code: 'ECONNRESET' }))).toBe(true);
    expect(isNetworkError(new TypeError('fetch failed', { cause: { code: 'UND_ERR_SOCKET' } }))).toBe(true);
    expect(isNetworkError(new TypeError('x is not a function'))).toBe(false);
  });
});

describe('retryAfterMs', () => {
  it('reads fractional seconds without truncating them', () => {
    expect(retryAfterMs({ 'retry-after': '0.5' })).toBe(500);
  });

  it('returns undefined without a header', () => {
    expect(retryAfterMs({})).toBeUndefined();
  });
});
