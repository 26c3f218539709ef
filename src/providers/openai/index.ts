import { loadApiKey } from '../../http/load-api-key.js';
import type { Provider } from '../../spec/language-model.js';
import type { ChatDialect } from './openai-chat-dialect.js';
import { OpenAIChatLanguageModel } from './openai-chat-language-model.js';
import { applyOpenAIChatOptions } from './openai-options.js';

export type { ChatDialect } from './openai-chat-dialect.js';
export { OpenAIChatLanguageModel, type OpenAIChatModelConfig } from './openai-chat-language-model.js';
export type { OpenAIChatOptions, ReasoningEffort } from './openai-options.js';

/** Settings of the OpenAI provider. */
export interface OpenAIProviderSettings {
  /** @default process.env.OPENAI_API_KEY */
  apiKey?: string;
  /** @default 'https://api.openai.com/v1' */
  baseURL?: string;
  /** Sent as `OpenAI-Organization`. */
  organization?: string;
  /** Sent as `OpenAI-Project`. */
  project?: string;
  /** Extra headers on every request. */
  headers?: Record<string, string>;
  /** Overrides the default User-Agent. */
  userAgent?: string;
  /** The fetch to use, e.g. a cassette fetch in tests. @default globalThis.fetch */
  fetch?: typeof fetch;
  /** Reported as `LanguageModel.provider`. @default 'openai' */
  name?: string;
}

/** An OpenAI provider: `provider.languageModel(id)` or `provider.chat(id)` for chat completions. */
export interface OpenAIProvider extends Provider {
  chat(modelId: string): OpenAIChatLanguageModel;
}

/** The OpenAI chat-completions dialect: options under `providerOptions.openai`, native JSON-schema objects. */
export function openAIChatDialect(name = 'openai'): ChatDialect {
  return {
    provider: name,
    optionsKey: 'openai',
    defaultObjectMode: 'json',
    applyProviderOptions: applyOpenAIChatOptions,
  };
}

/**
 * Creates an OpenAI provider.
 *
 * @example
 * const openai = createOpenAI();
 * const model = openai.languageModel('gpt-4o');
 */
export function createOpenAI(settings: OpenAIProviderSettings = {}): OpenAIProvider {
  const dialect = openAIChatDialect(settings.name);
  const headers = (): Record<string, string> => ({
    authorization: `Bearer ${loadApiKey({ apiKey: settings.apiKey, environmentVariable: 'OPENAI_API_KEY', provider: 'OpenAI' })}`,
    ...(settings.organization ? { 'openai-organization': settings.organization } : {}),
    ...(settings.project ? { 'openai-project': settings.project } : {}),
    ...settings.headers,
  });
  const chat = (modelId: string) =>
    new OpenAIChatLanguageModel(modelId, {
      dialect,
      baseURL: (settings.baseURL ?? 'https://api.openai.com/v1').replace(/\/+$/, ''),
      headers,
      userAgent: settings.userAgent,
      fetch: settings.fetch,
    });
  return { name: dialect.provider, chat, languageModel: chat };
}
