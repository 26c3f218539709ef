/** True for an abort: the signal fired, or the error is an `AbortError` (fetch, `throwIfAborted`). */
export function isAbortError(error: unknown, signal?: AbortSignal): boolean {
  if (signal?.aborted) return true;
  return typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'AbortError';
}
