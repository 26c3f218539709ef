/** Scrubs a request's credentials from an error; see `PostJsonResult.redactError`. */
export type RedactError = <T>(error: T) => T;

const redactions = new WeakMap<object, RedactError>();

/**
 * Remembers how to scrub the errors of a response's event stream, so the shared stream stage
 * (`reduceEvents`) can scrub every `error` part without each provider passing it along.
 */
export function attachRedaction<T extends object>(events: T, redact: RedactError): T {
  redactions.set(events, redact);
  return events;
}

/** The redaction attached to an event stream, if any. */
export function redactionOf(events: object): RedactError | undefined {
  return redactions.get(events);
}
