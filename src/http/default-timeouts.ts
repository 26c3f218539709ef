import type { RequestOptions, TimeoutOptions } from '../spec/call-options.js';

/**
 * The limits every model call gets unless it sets its own: 10 minutes for the whole call, 60 s for the first
 * byte of a streamed body, 60 s between two chunks. A non-streamed call has no first-chunk default: its
 * headers and body only come once the model has finished.
 */
export const defaultTimeouts = {
  totalMs: 600_000,
  firstChunkMs: 60_000,
  chunkMs: 60_000,
} as const satisfies Required<TimeoutOptions>;

/**
 * A call's timeout setting with the defaults filled in, limit by limit: a limit the call sets wins, a limit
 * set to `Infinity` is off, and `timeout: Infinity` turns every limit off. A number is `totalMs`.
 *
 * @example
 * withDefaultTimeouts({ chunkMs: 15_000 }, { stream: true }); // { totalMs: 600000, firstChunkMs: 60000, chunkMs: 15000 }
 */
export function withDefaultTimeouts(
  timeout: RequestOptions['timeout'],
  options: { stream: boolean },
): RequestOptions['timeout'] {
  if (timeout === Number.POSITIVE_INFINITY) return {};
  const given: TimeoutOptions = typeof timeout === 'number' ? { totalMs: timeout } : (timeout ?? {});
  return {
    totalMs: given.totalMs ?? defaultTimeouts.totalMs,
    chunkMs: given.chunkMs ?? defaultTimeouts.chunkMs,
    ...(options.stream || given.firstChunkMs !== undefined
      ? { firstChunkMs: given.firstChunkMs ?? defaultTimeouts.firstChunkMs }
      : {}),
  };
}
