import { FantasyError, type FantasyErrorOptions, isMarked } from './fantasy-error.js';

/** How many characters of the oversized event the error keeps. */
const excerptLength = 200;

/**
 * A server-sent event grew past `maxEventBytes` before a blank line ended it: a server that never ends its
 * events, or a body that is not an event stream at all. Raise `maxEventBytes` if the events are legitimate.
 */
export class SseEventTooLargeError extends FantasyError {
  /** The limit that was exceeded, in characters of decoded text (bytes, for ASCII). */
  readonly limit: number;
  /** The first 200 characters of the buffered event, to tell what was being sent. */
  readonly excerpt: string;

  constructor(options: { limit: number; excerpt: string } & FantasyErrorOptions) {
    const excerpt = options.excerpt.slice(0, excerptLength);
    super(
      `server-sent event exceeds the limit of ${options.limit} bytes; raise maxEventBytes if the provider ` +
        `sends events this large. The event starts with: ${excerpt}`,
      options,
    );
    this.name = 'SseEventTooLargeError';
    this.limit = options.limit;
    this.excerpt = excerpt;
  }

  static override isInstance(error: unknown): error is SseEventTooLargeError {
    return isMarked(error, 'SseEventTooLargeError');
  }
}
