import { FantasyError, type FantasyErrorOptions, isMarked } from './fantasy-error.js';

/**
 * A response body grew past `maxResponseBytes` (counted after decompression, so a gzip bomb stops at the
 * limit). Reading stopped and the connection was closed. Not retryable: the same request would get the same body.
 */
export class ResponseTooLargeError extends FantasyError {
  readonly url: string;
  /** The limit in bytes that was exceeded. */
  readonly maxResponseBytes: number;

  constructor(options: { url: string; maxResponseBytes: number } & FantasyErrorOptions) {
    super(
      `POST ${options.url}: the response body is larger than ${options.maxResponseBytes} bytes (maxResponseBytes); ` +
        'reading stopped. Raise maxResponseBytes if such answers are expected',
      options,
    );
    this.name = 'ResponseTooLargeError';
    this.url = options.url;
    this.maxResponseBytes = options.maxResponseBytes;
  }

  static override isInstance(error: unknown): error is ResponseTooLargeError {
    return isMarked(error, 'ResponseTooLargeError');
  }
}
