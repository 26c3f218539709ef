import { createRefreshableCredential, type OnAuthRefresh } from '../../http/auth-refresh.js';
import { loadApiKey } from '../../http/load-api-key.js';
import type { Provider } from '../../spec/language-model.js';
import type { ChatDialect } from '../openai/openai-chat-dialect.js';
import { OpenAIChatLanguageModel } from '../openai/openai-chat-language-model.js';
import { OpenAIEmbeddingModel } from '../openai/openai-embedding-model.js';
import {
  applyOpenAICompatibleOptions,
  echoReasoningContent,
  readCompatibleReasoning,
  readPartFields,
} from './openaicompat-options.js';

export type { OpenAICompatibleOptions, OpenAICompatiblePartOptions } from './openaicompat-options.js';

/** Settings of an OpenAI-compatible provider. */
export interface OpenAICompatibleSettings {
  /** The service's base URL, e.g. `https://api.x.ai/v1`. */
  baseURL: string;
  /** Sent as `Authorization: Bearer <key>`; no auth header when neither this nor `apiKeyEnvironmentVariable` gives one. */
  apiKey?: string;
  /** Environment variable to read the key from when `apiKey` is absent, e.g. `XAI_API_KEY`; then the key is required. */
  apiKeyEnvironmentVariable?: string;
  /**
   * Called once when a request's key is refused (a 401): return a new key (used from then on), or nothing to
   * load it again; the request is then sent once more. See `OnAuthRefresh`.
   */
  onAuthRefresh?: OnAuthRefresh;
  /** Reported as `LanguageModel.provider` and used as the provider-options key. @default 'openai-compat' */
  name?: string;
  headers?: Record<string, string>;
  userAgent?: string;
  /** @default globalThis.fetch */
  fetch?: typeof fetch;
}

/**
 * Creates a provider for any OpenAI-compatible chat-completions endpoint (xAI, Groq, DeepSeek, GLM,
 * llama.cpp, vLLM, ...). Objects are generated in tool mode; reasoning from `reasoning_content` is read and
 * echoed back on later turns.
 *
 * @example
 * const xai = createOpenAICompatible({ baseURL: 'https://api.x.ai/v1', apiKeyEnvironmentVariable: 'XAI_API_KEY' });
 * const model = xai.languageModel('grok-4-fast');
 */
export function createOpenAICompatible(settings: OpenAICompatibleSettings): Provider & {
  languageModel(modelId: string): OpenAIChatLanguageModel;
  embeddingModel(modelId: string): OpenAIEmbeddingModel;
} {
  const name = settings.name ?? 'openai-compat';
  const dialect: ChatDialect = {
    provider: name,
    optionsKey: name,
    defaultObjectMode: 'tool',
    applyProviderOptions: applyOpenAICompatibleOptions,
    readReasoning: readCompatibleReasoning,
    history: {
      decorateAssistant: echoReasoningContent,
      partFields: (part, message) => readPartFields(name, part, message),
    },
  };
  const credential = createRefreshableCredential(settings.onAuthRefresh);
  const headers = (): Record<string, string> => {
    const apiKey =
      credential.current ??
      settings.apiKey ??
      (settings.apiKeyEnvironmentVariable
        ? loadApiKey({
            apiKey: undefined,
            environmentVariable: settings.apiKeyEnvironmentVariable,
            provider: name,
          })
        : undefined);
    return { ...(apiKey ? { authorization: `Bearer ${apiKey}` } : {}), ...settings.headers };
  };
  const baseURL = settings.baseURL.replace(/\/+$/, '');
  return {
    name,
    // Float vectors: not every compatible server implements `encoding_format: base64`.
    embeddingModel: (modelId: string) =>
      new OpenAIEmbeddingModel(modelId, {
        provider: name,
        baseURL,
        headers,
        userAgent: settings.userAgent,
        fetch: settings.fetch,
        encodingFormat: 'float',
        optionsKey: name,
        maxValuesPerCall: undefined,
      }),
    languageModel: (modelId: string) =>
      new OpenAIChatLanguageModel(modelId, {
        dialect,
        baseURL: settings.baseURL.replace(/\/+$/, ''),
        headers,
        userAgent: settings.userAgent,
        fetch: settings.fetch,
        refreshAuth: credential.refresh,
      }),
  };
}
