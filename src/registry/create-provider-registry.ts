import { InvalidArgumentError } from '../errors/invalid-argument-error.js';
import { NoSuchProviderError } from '../errors/no-such-provider-error.js';
import type { EmbeddingModel } from '../spec/embedding-model.js';
import type { LanguageModel, Provider } from '../spec/language-model.js';

/** Options of `createProviderRegistry`. */
export interface ProviderRegistryOptions {
  /**
   * Short names for full model ids, e.g. `{ fast: 'openai:gpt-4o-mini' }`. An alias's target may omit the
   * provider when there is a default provider. Aliases are resolved once: a target is never itself an alias.
   */
  aliases?: Record<string, string>;
  /** The provider of ids written without a prefix, e.g. `gpt-4o` with `defaultProvider: 'openai'`. */
  defaultProvider?: string;
  /** Separates the provider from the model in an id. @default ':' */
  separator?: string;
}

/** Language models by `provider:model` id, over a fixed set of providers. */
export interface ProviderRegistry {
  /**
   * The model an id names: an alias, `provider:model`, or a bare model of the default provider. The model
   * part may itself contain the separator (`bedrock:anthropic.claude-v2:1`). Throws `NoSuchProviderError`
   * for an unknown provider.
   */
  languageModel(id: string): LanguageModel;
  /**
   * The embedding model an id names, resolved like `languageModel`. Throws `NoSuchProviderError` for an
   * unknown provider and `InvalidArgumentError` for one without an embedding API.
   */
  embeddingModel(id: string): EmbeddingModel;
  /** The provider registered under `name`; throws `NoSuchProviderError` when there is none. */
  provider(name: string): Provider;
  /** The registered provider names, sorted. */
  readonly providerNames: readonly string[];
}

/**
 * Creates a registry that turns ids like `openai:gpt-4o` into models, so the model a program uses can come
 * from configuration. Names, aliases and the default provider are checked here, once.
 *
 * @example
 * const registry = createProviderRegistry(
 *   { openai: createOpenAI(), xai: createOpenAICompatible({ baseURL: 'https://api.x.ai/v1' }) },
 *   { aliases: { fast: 'openai:gpt-4o-mini' }, defaultProvider: 'openai' },
 * );
 * registry.languageModel('xai:grok-4-fast');
 * registry.languageModel('fast'); // openai gpt-4o-mini
 * registry.languageModel('gpt-4o'); // openai, the default provider
 */
export function createProviderRegistry(
  providers: Record<string, Provider>,
  options: ProviderRegistryOptions = {},
): ProviderRegistry {
  const separator = options.separator ?? ':';
  if (separator === '') {
    throw new InvalidArgumentError({ argument: 'separator', message: 'the separator must not be empty' });
  }
  const table = new Map(Object.entries(providers));
  const providerNames = [...table.keys()].sort();
  checkProviderNames(providerNames, separator);
  const resolve = (id: string): { name: string; modelId: string } => splitModelId(id, separator, options);
  const provider = (name: string, modelId = name): Provider => {
    const found = table.get(name);
    if (found === undefined)
      throw new NoSuchProviderError({ providerId: name, modelId, availableProviders: providerNames });
    return found;
  };
  if (options.defaultProvider !== undefined) provider(options.defaultProvider, '(default provider)');
  for (const target of Object.values(options.aliases ?? {})) {
    const { name } = resolve(target);
    provider(name, target);
  }
  return {
    providerNames,
    provider: (name) => provider(name),
    languageModel: (id) => {
      const { name, modelId } = resolve(options.aliases?.[id] ?? id);
      return provider(name, id).languageModel(modelId);
    },
    embeddingModel: (id) => {
      const { name, modelId } = resolve(options.aliases?.[id] ?? id);
      const found = provider(name, id);
      if (found.embeddingModel === undefined) {
        throw new InvalidArgumentError({
          argument: 'id',
          message: `provider "${name}" has no embedding models; use one that has (openai, google, bedrock, ...)`,
        });
      }
      return found.embeddingModel(modelId);
    },
  };
}

function checkProviderNames(names: readonly string[], separator: string): void {
  for (const name of names) {
    if (name === '' || name.includes(separator)) {
      throw new InvalidArgumentError({
        argument: 'providers',
        message: `provider name ${JSON.stringify(name)} must be non-empty and must not contain "${separator}"`,
      });
    }
  }
}

/** Splits `provider:model` at the first separator; a bare model goes to the default provider. */
function splitModelId(
  id: string,
  separator: string,
  options: ProviderRegistryOptions,
): { name: string; modelId: string } {
  const index = id.indexOf(separator);
  const modelId = id.slice(index + separator.length);
  if (index > 0 && modelId !== '') return { name: id.slice(0, index), modelId };
  if (index < 0 && options.defaultProvider !== undefined && id !== '') {
    return { name: options.defaultProvider, modelId: id };
  }
  throw new InvalidArgumentError({
    argument: 'id',
    message: `model id ${JSON.stringify(id)} must be written as provider${separator}model${
      index < 0 && id !== '' ? ' (there is no default provider)' : ''
    }`,
  });
}
