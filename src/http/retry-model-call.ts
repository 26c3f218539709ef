import type { CallOptions } from '../spec/call-options.js';
import { type GenerateResponse, type GenerateResult, withResultText } from '../spec/generate-result.js';
import type { LanguageModel } from '../spec/language-model.js';
import type { StreamPart } from '../spec/stream-part.js';
import { resolveTelemetry } from '../telemetry/resolve-telemetry.js';
import { isRetryableError, type RetryOptions, retryWithBackoff } from './retry.js';

/**
 * One model call with the call's retries (`maxRetries`, default 2, `onRetry`, `retry` timing): a retryable
 * failure (408, 409, 429, 5xx, a dropped connection, a stalled one) is tried again after the backoff or the
 * provider's `retry-after`, as the agent does. The result gets `text` and `reasoningText`. Given the model,
 * the call's `telemetry` option traces each attempt in its own span (the tracing code is loaded only then).
 * Every provider's `generate` goes through here; a custom `LanguageModel` can too.
 *
 * @example
 * generate(options: CallOptions) {
 *   return generateWithRetry(options, (call) => this.generateOnce(call), this);
 * }
 */
export async function generateWithRetry(
  options: CallOptions,
  generateOnce: (options: CallOptions) => Promise<GenerateResponse>,
  model?: LanguageModel,
): Promise<GenerateResult> {
  const telemetry = model === undefined ? undefined : resolveTelemetry(options.telemetry);
  const attempt =
    telemetry === undefined || model === undefined
      ? generateOnce
      : (await import('../telemetry/trace-model-attempt.js')).traceGenerateAttempt(
          telemetry,
          model,
          generateOnce,
        );
  const response = await retryWithBackoff(() => attempt(options), retryOptionsOf(options));
  return withResultText(response);
}

/**
 * One streamed model call with the call's retries, retried only while none of its output reached the
 * caller: a failure to connect, or a stream whose first part (after its warnings) is a retryable error,
 * is tried again; once a part was handed on, a failure is reported in-band as it is. A stream whose every
 * attempt failed in-band ends with one `error` part (a `RetryError` after several attempts). With
 * `maxRetries: 0` the provider's stream is returned untouched; otherwise each part costs one function call.
 * Given the model, the call's `telemetry` option traces each attempt in its own span.
 */
export async function streamWithRetry(
  options: CallOptions,
  streamOnce: (options: CallOptions) => Promise<AsyncIterable<StreamPart>>,
  model?: LanguageModel,
): Promise<AsyncIterable<StreamPart>> {
  const telemetry = model === undefined ? undefined : resolveTelemetry(options.telemetry);
  const attemptOnce =
    telemetry === undefined || model === undefined
      ? streamOnce
      : (await import('../telemetry/trace-model-attempt.js')).traceStreamAttempt(
          telemetry,
          model,
          streamOnce,
        );
  return retryStream(options, attemptOnce);
}

async function retryStream(
  options: CallOptions,
  streamOnce: (options: CallOptions) => Promise<AsyncIterable<StreamPart>>,
): Promise<AsyncIterable<StreamPart>> {
  if (options.maxRetries === 0) return streamOnce(options);
  const failure = { inBand: false };
  try {
    return await retryWithBackoff(async () => {
      failure.inBand = false;
      const head = await readHead(await streamOnce(options));
      const first = head.held.at(-1);
      if (first?.type === 'error' && isRetryableError(first.error)) {
        failure.inBand = true;
        throw first.error;
      }
      return replayHead(head);
    }, retryOptionsOf(options));
  } catch (error) {
    // stream() rejects for setup failures only; a stream that failed in-band still fails in-band.
    if (failure.inBand) return replayHead({ held: [{ type: 'error', error }], iterator: undefined });
    throw error;
  }
}

/** The retry settings of a call. */
export function retryOptionsOf(options: CallOptions): RetryOptions {
  return {
    ...options.retry,
    maxRetries: options.maxRetries,
    onRetry: options.onRetry,
    abortSignal: options.abortSignal,
  };
}

interface StreamHead {
  /** The parts read so far: the warnings, then the first other part. */
  held: StreamPart[];
  /** The rest of the stream; undefined once it ended. */
  iterator: AsyncIterator<StreamPart> | undefined;
}

/** Reads up to the first part that is not `warnings`: that part decides whether the attempt failed. */
async function readHead(parts: AsyncIterable<StreamPart>): Promise<StreamHead> {
  const iterator = parts[Symbol.asyncIterator]();
  const held: StreamPart[] = [];
  while (true) {
    const next = await iterator.next();
    if (next.done) return { held, iterator: undefined };
    held.push(next.value);
    if (next.value.type === 'error') return { held, iterator: undefined };
    if (next.value.type !== 'warnings') return { held, iterator };
  }
}

/** The held parts, then the rest of the stream read straight from the provider's iterator. */
function replayHead(head: StreamHead): AsyncIterable<StreamPart> {
  let index = 0;
  const { held, iterator } = head;
  const finished = (): Promise<IteratorResult<StreamPart>> =>
    Promise.resolve({ done: true, value: undefined });
  const replaying: AsyncIterator<StreamPart> = {
    next() {
      if (index < held.length) return Promise.resolve({ done: false, value: held[index++] as StreamPart });
      return iterator ? iterator.next() : finished();
    },
    // Leaving early cancels the provider's stream (and its body), as breaking out of it directly would.
    return() {
      index = held.length;
      return iterator?.return ? iterator.return() : finished();
    },
  };
  return { [Symbol.asyncIterator]: () => replaying };
}
