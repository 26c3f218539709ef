import { FantasyError, type FantasyErrorOptions, isMarked } from './fantasy-error.js';

/**
 * A provider answered 2xx with something we cannot read: malformed JSON, an SSE event that is not JSON,
 * a body of the wrong content type. Carries the offending text so nothing is lost.
 */
export class InvalidResponseError extends FantasyError {
  /** The text we could not read (truncated to 2 KB in the message, whole here). */
  readonly data: string;
  override readonly isRetryable: boolean;

  constructor(options: { message: string; data: string; isRetryable?: boolean } & FantasyErrorOptions) {
    const shown = options.data.length > 2048 ? `${options.data.slice(0, 2048)}…` : options.data;
    super(`${options.message}: ${shown}`, options);
    this.name = 'InvalidResponseError';
    this.data = options.data;
    this.isRetryable = options.isRetryable ?? false;
  }

  static override isInstance(error: unknown): error is InvalidResponseError {
    return isMarked(error, 'InvalidResponseError');
  }
}
