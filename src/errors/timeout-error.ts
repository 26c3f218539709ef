import { FantasyError, type FantasyErrorOptions, isMarked } from './fantasy-error.js';

/**
 * Which limit of `RequestOptions.timeout` a call ran into: the whole call (`total`), the wait for the first
 * byte of the response (`first-chunk`), or a pause between two chunks of the body (`chunk`).
 */
export type TimeoutKind = 'total' | 'first-chunk' | 'chunk';

const describeKind: Record<TimeoutKind, (ms: number) => string> = {
  total: (ms) => `the call took longer than ${ms} ms (timeout.totalMs)`,
  'first-chunk': (ms) => `no response arrived within ${ms} ms (timeout.firstChunkMs)`,
  chunk: (ms) => `the response paused for more than ${ms} ms between chunks (timeout.chunkMs)`,
};

/**
 * A model call ran into one of its timeouts. A stalled connection (`first-chunk`, `chunk`) is retryable; a
 * call that used up its whole budget (`total`) is not, since another attempt would have the same budget.
 */
export class TimeoutError extends FantasyError {
  readonly kind: TimeoutKind;
  /** The limit that was reached, in milliseconds. */
  readonly ms: number;
  /** The URL of the call, when it was an HTTP request. */
  readonly url: string | undefined;
  override readonly isRetryable: boolean;

  constructor(options: { kind: TimeoutKind; ms: number; url?: string | undefined } & FantasyErrorOptions) {
    const where = options.url === undefined ? '' : `POST ${options.url} timed out: `;
    super(`${where}${describeKind[options.kind](options.ms)}`, options);
    this.name = 'TimeoutError';
    this.kind = options.kind;
    this.ms = options.ms;
    this.url = options.url;
    this.isRetryable = options.kind !== 'total';
  }

  static override isInstance(error: unknown): error is TimeoutError {
    return isMarked(error, 'TimeoutError');
  }
}
