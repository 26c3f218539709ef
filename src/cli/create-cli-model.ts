import { access } from 'node:fs/promises';
import { resolve } from 'node:path';
import { createProviderRegistry } from '../registry/create-provider-registry.js';
import type { EmbeddingModel } from '../spec/embedding-model.js';
import type { LanguageModel } from '../spec/language-model.js';
import type { CassetteFetch } from '../testing/cassette/create-cassette-fetch.js';
import type { CliEnvironment } from './cli-environment.js';
import {
  availableProviderNames,
  type CliProviderEntry,
  findCliProvider,
  loadProviderFactory,
  type ProviderFactory,
} from './cli-providers.js';
import { CliUsageError } from './cli-usage-error.js';
import type { ModelOptions } from './parse-cli-options.js';
import { resolveCredentials } from './resolve-api-key.js';

/** The model a command calls, and the cassette around its fetch, if any. */
export interface CliModel {
  model: LanguageModel;
  /** The embedding model of the same provider and id, for `fantasy embed`. */
  embeddingModel(): EmbeddingModel;
  /** Writes the recording (`--record`); returns a note when a replay left recorded calls unused. */
  close(): Promise<string | undefined>;
}

/** Builds the model of `--provider`/`--model` through a provider registry, with the cassette of `--record`/`--replay`. */
export async function createCliModel(options: ModelOptions, environment: CliEnvironment): Promise<CliModel> {
  const { entry, factory, modelId } = await chooseProvider(options);
  if (entry.needsBaseURL && options.baseURL === undefined) {
    throw new CliUsageError(`${entry.name} needs --base-url, e.g. --base-url ${exampleBaseURL(entry)}`);
  }
  const credentials = resolveCredentials({
    entry,
    baseURL: options.baseURL,
    apiKeyEnv: options.apiKeyEnv,
    env: environment.env,
    replay: options.replay !== undefined,
  });
  const cassette = await openCassette(options, environment);
  const fetch = cassette ?? environment.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const provider = factory({
    ...entry.extraSettings?.(environment.env),
    ...credentials,
    ...(options.baseURL === undefined ? {} : { baseURL: options.baseURL }),
    fetch,
  });
  const registry = createProviderRegistry({ [entry.name]: provider });
  return {
    model: registry.languageModel(`${entry.name}:${modelId}`),
    embeddingModel: () => registry.embeddingModel(`${entry.name}:${modelId}`),
    close: () => closeCassette(cassette, options),
  };
}

/**
 * The provider of `--provider`, else the prefix of `--model openai:gpt-4o`, else openai. With `--provider`
 * given, the model id is taken whole (ids like `llama3:8b` have colons of their own).
 */
async function chooseProvider(
  options: ModelOptions,
): Promise<{ entry: CliProviderEntry; factory: ProviderFactory; modelId: string }> {
  const model = options.model;
  if (model === undefined || model === '') {
    throw new CliUsageError('pass --model, e.g. --model gpt-4o-mini (or --model openai:gpt-4o-mini)');
  }
  const separator = model.indexOf(':');
  const prefixed =
    options.provider === undefined && separator > 0 ? findCliProvider(model.slice(0, separator)) : undefined;
  const name = options.provider ?? prefixed?.name ?? 'openai';
  const entry = findCliProvider(name);
  const factory = entry === undefined ? undefined : await loadProviderFactory(entry);
  if (entry === undefined || factory === undefined) {
    const known = (await availableProviderNames()).join(', ');
    const problem =
      entry === undefined ? `unknown provider "${name}"` : `provider "${name}" is not in this build yet`;
    throw new CliUsageError(`${problem}; known providers: ${known}`);
  }
  return { entry, factory, modelId: prefixed ? model.slice(separator + 1) : model };
}

async function openCassette(
  options: ModelOptions,
  environment: CliEnvironment,
): Promise<CassetteFetch | undefined> {
  const cwd = environment.cwd ?? process.cwd();
  if (options.replay === undefined && options.record === undefined) return undefined;
  // Cassettes are YAML: the parser loads only for commands that read or write one (start-up time).
  const { createCassetteFetch } = await import('../testing/cassette/create-cassette-fetch.js');
  if (options.replay !== undefined) {
    const path = resolve(cwd, options.replay);
    await access(path).catch((error: unknown) => {
      throw new CliUsageError(`cannot read the cassette to replay: ${path} does not exist`, { cause: error });
    });
    return createCassetteFetch({ path, mode: 'replay' });
  }
  if (options.record !== undefined) {
    const realFetch = environment.fetch ?? ((input, init) => globalThis.fetch(input, init));
    return createCassetteFetch({ path: resolve(cwd, options.record), mode: 'record', fetch: realFetch });
  }
  return undefined;
}

async function closeCassette(
  cassette: CassetteFetch | undefined,
  options: ModelOptions,
): Promise<string | undefined> {
  if (cassette === undefined) return undefined;
  await cassette.done();
  const unused = options.replay === undefined ? 0 : cassette.remaining();
  if (unused === 0) return undefined;
  return `${unused} recorded interaction${unused === 1 ? ' was' : 's were'} not replayed`;
}

function exampleBaseURL(entry: CliProviderEntry): string {
  return entry.name === 'azure' ? 'https://<resource>.openai.azure.com' : 'https://api.x.ai/v1';
}
