import { FantasyError, isMarked } from './fantasy-error.js';

/** Every attempt failed. `errors` holds each attempt's error in order; `cause` is the last one. */
export class RetryError extends FantasyError {
  readonly errors: readonly unknown[];
  readonly reason: 'max-retries-exceeded' | 'error-not-retryable';

  constructor(options: { errors: unknown[]; reason: 'max-retries-exceeded' | 'error-not-retryable' }) {
    const last = options.errors.at(-1);
    const lastMessage = last instanceof Error ? last.message : String(last);
    const what =
      options.reason === 'max-retries-exceeded'
        ? `failed after ${options.errors.length} attempts`
        : `failed on attempt ${options.errors.length} with an error that is not retryable`;
    super(`${what}: ${lastMessage}`, { cause: last });
    this.name = 'RetryError';
    this.errors = options.errors;
    this.reason = options.reason;
  }

  static override isInstance(error: unknown): error is RetryError {
    return isMarked(error, 'RetryError');
  }
}
