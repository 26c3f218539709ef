import { APICallError, type APICallErrorOptions } from './api-call-error.js';
import { isMarked } from './fantasy-error.js';

/**
 * The prompt does not fit the model's context window: an `APICallError` (not retryable as it is) with the
 * token counts the provider stated, so an agent can compact the conversation and try again.
 */
export class ContextWindowExceededError extends APICallError {
  /** The tokens the request needed, when the provider said. */
  readonly usedTokens: number | undefined;
  /** The model's context window, when the provider said. */
  readonly maxTokens: number | undefined;

  constructor(
    options: APICallErrorOptions & { usedTokens?: number | undefined; maxTokens?: number | undefined },
  ) {
    super({ ...options, title: options.title ?? 'context window exceeded', isRetryable: false });
    this.name = 'ContextWindowExceededError';
    this.usedTokens = options.usedTokens;
    this.maxTokens = options.maxTokens;
  }

  static override isInstance(error: unknown): error is ContextWindowExceededError {
    return isMarked(error, 'ContextWindowExceededError');
  }
}
