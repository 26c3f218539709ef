import { LoadAPIKeyError } from '../errors/load-api-key-error.js';
import { checkCredential } from './check-header-values.js';

/** Reads an environment variable where one exists (Node, Bun, Deno with env access); undefined elsewhere. */
export function loadEnvironmentVariable(name: string): string | undefined {
  const environment = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
  const value = environment?.[name];
  return value === undefined || value === '' ? undefined : value;
}

/**
 * The API key from the option, else from the provider's environment variable; throws a `LoadAPIKeyError`
 * naming the variable when neither is set, and an `InvalidArgumentError` (giving the position, never the key)
 * when the key holds a line break, NUL or another character a header cannot carry.
 *
 * @example
 * const apiKey = loadApiKey({ apiKey: options.apiKey, environmentVariable: 'XAI_API_KEY', provider: 'xAI' });
 */
export function loadApiKey(options: {
  apiKey: string | undefined;
  environmentVariable: string;
  provider: string;
}): string {
  const key = options.apiKey ?? loadEnvironmentVariable(options.environmentVariable);
  if (key === undefined) {
    throw new LoadAPIKeyError({
      provider: options.provider,
      environmentVariable: options.environmentVariable,
    });
  }
  checkCredential({ value: key, what: `the API key for ${options.provider}`, argument: 'apiKey' });
  return key;
}
