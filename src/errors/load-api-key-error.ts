import { FantasyError, isMarked } from './fantasy-error.js';

/** No API key was given and the provider's environment variable is not set. */
export class LoadAPIKeyError extends FantasyError {
  readonly environmentVariable: string;

  constructor(options: { provider: string; environmentVariable: string; option?: string }) {
    super(
      `${options.provider} API key is missing. Set ${options.environmentVariable} or pass ${options.option ?? 'apiKey'}.`,
    );
    this.name = 'LoadAPIKeyError';
    this.environmentVariable = options.environmentVariable;
  }

  static override isInstance(error: unknown): error is LoadAPIKeyError {
    return isMarked(error, 'LoadAPIKeyError');
  }
}
