import type { CliProviderEntry } from './cli-providers.js';
import { CliUsageError } from './cli-usage-error.js';

/** The key variable of well-known OpenAI-compatible services, by the host of their base URL. */
export const compatibleHostVariables: Readonly<Record<string, string>> = {
  'api.x.ai': 'XAI_API_KEY',
  'api.groq.com': 'GROQ_API_KEY',
  'api.deepseek.com': 'DEEPSEEK_API_KEY',
  'api.together.xyz': 'TOGETHER_API_KEY',
  'api.fireworks.ai': 'FIREWORKS_API_KEY',
  'api.mistral.ai': 'MISTRAL_API_KEY',
  'api.cerebras.ai': 'CEREBRAS_API_KEY',
  'api.deepinfra.com': 'DEEPINFRA_API_KEY',
  'api.perplexity.ai': 'PERPLEXITY_API_KEY',
  'api.moonshot.ai': 'MOONSHOT_API_KEY',
  'api.z.ai': 'ZAI_API_KEY',
  'open.bigmodel.cn': 'ZHIPU_API_KEY',
  'router.huggingface.co': 'HF_TOKEN',
  'openrouter.ai': 'OPENROUTER_API_KEY',
  'api.openai.com': 'OPENAI_API_KEY',
};

/** What the API key lookup needs. */
export interface ApiKeyLookup {
  entry: CliProviderEntry;
  baseURL: string | undefined;
  /** `--api-key-env`: read the key from this variable instead. */
  apiKeyEnv: string | undefined;
  env: Record<string, string | undefined>;
  /** Replaying a cassette: no key is needed. */
  replay: boolean;
}

/**
 * The credentials to build the provider with: the key from the first set variable of the provider (for
 * openaicompat, the variable of the base URL's host), or other credentials the provider accepts. Throws a
 * `CliUsageError` naming the variable to set when there are none; replay needs none.
 */
export function resolveCredentials(lookup: ApiKeyLookup): Record<string, unknown> {
  const variables = keyVariables(lookup);
  for (const variable of variables) {
    const value = lookup.env[variable];
    if (value) return { apiKey: value };
  }
  const other = lookup.entry.otherCredentials?.(lookup.env);
  if (other !== undefined) return other;
  // Cassettes never store credentials and replay matches requests without them: any key will do.
  if (lookup.replay) return variables.length > 0 ? { apiKey: 'replayed-without-a-key' } : {};
  if (variables.length === 0) return {};
  throw new CliUsageError(
    `no API key for ${lookup.entry.name}${hostOf(lookup.baseURL) ? ` (${hostOf(lookup.baseURL)})` : ''}: set ${variables.join(' or ')}` +
      `${lookup.apiKeyEnv ? '' : ', or name another variable with --api-key-env'}, or replay a cassette with --replay`,
  );
}

function keyVariables(lookup: ApiKeyLookup): readonly string[] {
  if (lookup.apiKeyEnv) return [lookup.apiKeyEnv];
  if (lookup.entry.name !== 'openaicompat') return lookup.entry.environmentVariables;
  const host = hostOf(lookup.baseURL);
  const variable = host === undefined ? undefined : compatibleHostVariables[host];
  // An unknown host (llama.cpp, vLLM, a proxy) may need no key at all: send none.
  return variable === undefined ? [] : [variable];
}

function hostOf(baseURL: string | undefined): string | undefined {
  if (baseURL === undefined) return undefined;
  try {
    return new URL(baseURL).hostname;
  } catch {
    return undefined;
  }
}
