import type { Provider } from '../spec/language-model.js';

/** Settings every provider factory accepts. */
export interface CliProviderSettings {
  apiKey?: string;
  baseURL?: string;
  fetch: typeof fetch;
  [setting: string]: unknown;
}

/** A provider the command knows how to build. */
export interface CliProviderEntry {
  name: string;
  /** The provider's module, relative to this file; loaded only when the provider is used. */
  module: string;
  /** The factory's export name. */
  factory: string;
  /** Where the API key comes from, in order of preference; empty when the provider can run without one. */
  environmentVariables: readonly string[];
  /** The provider has no default endpoint: `--base-url` is required. */
  needsBaseURL?: true;
  /** Settings read from the environment besides the key, e.g. a region. */
  extraSettings?: (env: Record<string, string | undefined>) => Record<string, unknown>;
  /** Credentials other than an API key (AWS access keys), used when no key variable is set. */
  otherCredentials?: (env: Record<string, string | undefined>) => Record<string, unknown> | undefined;
}

/** The providers of the `--provider` option, each with the environment variable its key usually lives in. */
export const cliProviders: readonly CliProviderEntry[] = [
  {
    name: 'openai',
    module: '../providers/openai/index.js',
    factory: 'createOpenAI',
    environmentVariables: ['OPENAI_API_KEY'],
  },
  {
    name: 'openaicompat',
    module: '../providers/openaicompat/index.js',
    factory: 'createOpenAICompatible',
    environmentVariables: [],
    needsBaseURL: true,
  },
  {
    name: 'anthropic',
    module: '../providers/anthropic/index.js',
    factory: 'createAnthropic',
    environmentVariables: ['ANTHROPIC_API_KEY'],
  },
  {
    name: 'google',
    module: '../providers/google/index.js',
    factory: 'createGoogle',
    environmentVariables: ['GOOGLE_GENERATIVE_AI_API_KEY', 'GEMINI_API_KEY'],
  },
  {
    name: 'openrouter',
    module: '../providers/openrouter/index.js',
    factory: 'createOpenRouter',
    environmentVariables: ['OPENROUTER_API_KEY'],
  },
  {
    name: 'vercel',
    module: '../providers/vercel/index.js',
    factory: 'createVercelGateway',
    environmentVariables: ['AI_GATEWAY_API_KEY'],
  },
  {
    name: 'azure',
    module: '../providers/azure/index.js',
    factory: 'createAzure',
    environmentVariables: ['AZURE_OPENAI_API_KEY'],
    needsBaseURL: true,
  },
  {
    name: 'bedrock',
    module: '../providers/bedrock/index.js',
    factory: 'createBedrock',
    environmentVariables: ['AWS_BEARER_TOKEN_BEDROCK'],
    extraSettings: (env) => (env.AWS_REGION ? { region: env.AWS_REGION } : {}),
    otherCredentials: (env) =>
      env.AWS_ACCESS_KEY_ID && env.AWS_SECRET_ACCESS_KEY
        ? {
            accessKeyId: env.AWS_ACCESS_KEY_ID,
            secretAccessKey: env.AWS_SECRET_ACCESS_KEY,
            ...(env.AWS_SESSION_TOKEN ? { sessionToken: env.AWS_SESSION_TOKEN } : {}),
          }
        : undefined,
  },
  {
    name: 'llamacpp',
    module: '../llamacpp/index.js',
    factory: 'createLlamaCppCliProvider',
    environmentVariables: [],
  },
];

/** A provider factory, as every provider module exports one. */
export type ProviderFactory = (settings: CliProviderSettings) => Provider;

/** The entry named `name`, if the command knows it. */
export function findCliProvider(name: string): CliProviderEntry | undefined {
  return cliProviders.find((entry) => entry.name === name);
}

/**
 * The provider's factory, or undefined when its module is not part of this build yet (providers land one by
 * one). Loaded on demand so a command only pays for the provider it uses.
 */
export async function loadProviderFactory(entry: CliProviderEntry): Promise<ProviderFactory | undefined> {
  let module: Record<string, unknown>;
  try {
    module = (await import(/* @vite-ignore */ entry.module)) as Record<string, unknown>;
  } catch (error) {
    if (isModuleNotFound(error)) return undefined;
    throw error;
  }
  const factory = module[entry.factory];
  return typeof factory === 'function' ? (factory as ProviderFactory) : undefined;
}

/** The names of the providers whose modules load. */
export async function availableProviderNames(): Promise<string[]> {
  const loads = cliProviders.map(async (entry) => {
    const factory = await loadProviderFactory(entry).catch(() => undefined);
    return factory === undefined ? undefined : entry.name;
  });
  return (await Promise.all(loads)).filter((name): name is string => name !== undefined);
}

function isModuleNotFound(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') return true;
  // Vite (the test runner) reports a missing file by message only.
  return (
    error instanceof Error && /Cannot find module|Failed to load url|Does the file exist/.test(error.message)
  );
}
