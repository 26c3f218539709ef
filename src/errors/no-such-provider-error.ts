import { FantasyError, type FantasyErrorOptions, isMarked } from './fantasy-error.js';

/** A model id names a provider the registry does not have; the message lists the ones it has. */
export class NoSuchProviderError extends FantasyError {
  /** The provider name that was asked for, e.g. `antropic`. */
  readonly providerId: string;
  /** The model id as given, e.g. `antropic:claude-sonnet-4`. */
  readonly modelId: string;
  /** The registered provider names, sorted. */
  readonly availableProviders: readonly string[];

  constructor(
    options: {
      providerId: string;
      modelId: string;
      availableProviders: readonly string[];
    } & FantasyErrorOptions,
  ) {
    const known = options.availableProviders.length > 0 ? options.availableProviders.join(', ') : 'none';
    super(
      `no provider "${options.providerId}" for model "${options.modelId}"; registered providers: ${known}`,
      options,
    );
    this.name = 'NoSuchProviderError';
    this.providerId = options.providerId;
    this.modelId = options.modelId;
    this.availableProviders = options.availableProviders;
  }

  static override isInstance(error: unknown): error is NoSuchProviderError {
    return isMarked(error, 'NoSuchProviderError');
  }
}
