import { FantasyError, isMarked } from '../../errors/fantasy-error.js';

/** What was wrong with the bytes of an AWS event stream. */
export type EventStreamErrorReason =
  | 'prelude-crc'
  | 'message-crc'
  | 'invalid-length'
  | 'invalid-header'
  | 'truncated';

/**
 * An AWS event stream (Bedrock's streaming framing) arrived damaged: a checksum did not match, a frame
 * length is impossible, or the body ended inside a frame. The bytes were altered or cut in transit, so a
 * retry may succeed.
 */
export class EventStreamError extends FantasyError {
  override readonly isRetryable = true;
  readonly reason: EventStreamErrorReason;

  constructor(options: { reason: EventStreamErrorReason; message: string }) {
    super(`AWS event stream is corrupted (${options.reason}): ${options.message}`);
    this.name = 'EventStreamError';
    this.reason = options.reason;
  }

  static override isInstance(error: unknown): error is EventStreamError {
    return isMarked(error, 'EventStreamError');
  }
}
