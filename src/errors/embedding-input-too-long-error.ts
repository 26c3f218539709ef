import { FantasyError, type FantasyErrorOptions, isMarked } from './fantasy-error.js';

/** A value is longer than the embedding model reads; the provider's own words are in the message and `cause`. */
export class EmbeddingInputTooLongError extends FantasyError {
  readonly provider: string;
  readonly modelId: string;

  constructor(options: { provider: string; modelId: string; providerMessage: string } & FantasyErrorOptions) {
    super(
      `a value is too long for ${options.provider} ${options.modelId}: shorten or split it ` +
        `(the provider said: ${options.providerMessage})`,
      options,
    );
    this.name = 'EmbeddingInputTooLongError';
    this.provider = options.provider;
    this.modelId = options.modelId;
  }

  static override isInstance(error: unknown): error is EmbeddingInputTooLongError {
    return isMarked(error, 'EmbeddingInputTooLongError');
  }
}
