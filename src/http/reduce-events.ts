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
 * terminal part. Breaking out of the loop returns the event iterator, which cancels the body. Every `error`
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
  try {
    for await (const event of events) {
      const truncated = truncatedEventError(event);
      if (truncated) {
        reducer.endWithError(state, truncated, parts);
        break;
      }
      reducer.reduce(state, event.data, parts);
      for (const part of parts) yield part.type === 'error' && redact ? redactPart(part, redact) : part;
      parts.length = 0;
      if (state.ended) return;
    }
    if (!state.ended) reducer.finish(state, parts);
  } catch (error) {
    reducer.endWithError(state, midStreamError(error, options.url), parts);
  }
  for (const part of parts) yield part.type === 'error' && redact ? redactPart(part, redact) : part;
}

function redactPart(part: StreamPart & { type: 'error' }, redact: RedactError): StreamPart {
  redact(part.error);
  return part;
}
