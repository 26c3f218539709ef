import { FantasyError, type FantasyErrorOptions, isMarked } from './fantasy-error.js';

/** The response stream ended before the provider said it was finished. Retrying may succeed. */
export class IncompleteStreamError extends FantasyError {
  override readonly isRetryable = true;

  constructor(options: { message?: string } & FantasyErrorOptions = {}) {
    super(options.message ?? 'stream ended before the provider sent a finish event', options);
    this.name = 'IncompleteStreamError';
  }

  static override isInstance(error: unknown): error is IncompleteStreamError {
    return isMarked(error, 'IncompleteStreamError');
  }
}
