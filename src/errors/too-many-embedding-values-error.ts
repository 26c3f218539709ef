import { FantasyError, type FantasyErrorOptions, isMarked } from './fantasy-error.js';

/** More values were given to one embedding call than the model takes; `embedMany` splits them for you. */
export class TooManyEmbeddingValuesError extends FantasyError {
  readonly provider: string;
  readonly modelId: string;
  readonly maxValuesPerCall: number;
  readonly values: number;

  constructor(
    options: {
      provider: string;
      modelId: string;
      maxValuesPerCall: number;
      values: number;
    } & FantasyErrorOptions,
  ) {
    super(
      `${options.provider} ${options.modelId} embeds at most ${options.maxValuesPerCall} values per call, ` +
        `got ${options.values}: use embedMany, which splits them into batches`,
      options,
    );
    this.name = 'TooManyEmbeddingValuesError';
    this.provider = options.provider;
    this.modelId = options.modelId;
    this.maxValuesPerCall = options.maxValuesPerCall;
    this.values = options.values;
  }

  static override isInstance(error: unknown): error is TooManyEmbeddingValuesError {
    return isMarked(error, 'TooManyEmbeddingValuesError');
  }
}
