import { FantasyError } from '../errors/fantasy-error.js';
import { InvalidResponseError } from '../errors/invalid-response-error.js';
import type { CallWarning } from '../spec/call-warning.js';
import type { StreamPart } from '../spec/stream-part.js';
import { midStreamError, truncatedEventError } from './read-response.js';
import { type RedactError, redactionOf } from './stream-redaction.js';

/** A provider's stream reducer: pure functions over its own state, pushing parts onto a buffer. */
export interface EventReducer<State extends { ended: boolean }> {
  state: State;
  /** Reduces one event's data. */
  reduce(state: State, data: string, parts: StreamPart[]): void;
  /** The body ended: close open blocks and emit `finish` (or an incomplete-stream error). */
  finish(state: State, parts: StreamPart[]): void;
  /** Ends the stream with an `error` part. */
  endWithError(state: State, error: unknown, parts: StreamPart[]): void;
}

/**
 * The one stream stage every provider shares: events → reducer → stream parts, in a single async generator
 * with one reused parts buffer. Warnings come first; a body cut inside its last event ends with a retryable
 * incomplete-stream error; a failing body (reset, timeout, abort) ends with an `error` part; nothing follows a
 * terminal part; `data: [DONE]` ends the stream at once. Breaking out of the loop returns the event iterator,
 * which cancels the body. Every `error`
 * part is scrubbed of the request's credentials (the redaction `openSseStream` attached to the events).
 */
export async function* reduceEvents<State extends { ended: boolean }>(
  events: AsyncIterable<{ data: string; unterminated?: boolean }>,
  options: { url: string; warnings: CallWarning[]; reducer: EventReducer<State> },
): AsyncGenerator<StreamPart> {
  const { reducer } = options;
  const { state } = reducer;
  const redact = redactionOf(events);
  if (options.warnings.length > 0) yield { type: 'warnings', warnings: options.warnings };
  const parts: StreamPart[] = [];
  // Which side failed decides the error: the body (a reset: retryable transport error) or our reducer
  // reading the event (malformed data it did not expect: an InvalidResponseError, never "connection failed").
  let reducing: string | undefined;
  try {
    for await (const event of events) {
      // `data: [DONE]` ends a chat-completions stream: finish now and cancel the body (by leaving the loop),
      // even when the server keeps the connection open.
      if (event.data === '[DONE]') break;
      const truncated = truncatedEventError(event);
      if (truncated) {
        reducer.endWithError(state, truncated, parts);
        break;
      }
      reducing = event.data;
      reducer.reduce(state, event.data, parts);
      reducing = undefined;
      for (const part of parts) yield part.type === 'error' && redact ? redactPart(part, redact) : part;
      parts.length = 0;
      if (state.ended) return;
    }
    reducing = '';
    if (!state.ended) reducer.finish(state, parts);
  } catch (error) {
    const failure =
      reducing === undefined ? midStreamError(error, options.url) : reducerError(error, reducing);
    reducer.endWithError(state, failure, parts);
  }
  for (const part of parts) yield part.type === 'error' && redact ? redactPart(part, redact) : part;
}

function redactPart(part: StreamPart & { type: 'error' }, redact: RedactError): StreamPart {
  redact(part.error);
  return part;
}

/**
 * A reducer that threw on an event: our own errors pass through; anything else (a `TypeError` from wire data
 * of a shape nobody expected) becomes a non-retryable `InvalidResponseError` holding the event.
 */
function reducerError(error: unknown, data: string): unknown {
  if (FantasyError.isInstance(error)) return error;
  const detail = error instanceof Error ? error.message : String(error);
  return new InvalidResponseError({
    message: `could not read the stream event (${detail})`,
    data,
    cause: error,
  });
}
