import { createRefreshableCredential, type OnAuthRefresh } from '../../http/auth-refresh.js';
import type { Provider } from '../../spec/language-model.js';
import { bearerHeaders, chatModelFactory } from '../openai/chat-model-factory.js';
import type { OpenAIChatLanguageModel } from '../openai/openai-chat-language-model.js';
import { OpenAIEmbeddingModel } from '../openai/openai-embedding-model.js';
import { createGatewayDialect } from '../shared/gateway/create-gateway-dialect.js';
import { applyOpenRouterOptions } from './openrouter-options.js';

export type { GatewayMetadata as OpenRouterMetadata } from '../shared/gateway/map-gateway-metadata.js';
export type {
  AnthropicReasoningMetadata,
  GoogleReasoningMetadata,
  ResponsesReasoningMetadata,
} from '../shared/gateway/reasoning-metadata.js';
export type {
  OpenRouterOptions,
  OpenRouterProviderRouting,
  OpenRouterReasoningEffort,
  OpenRouterReasoningOptions,
} from './openrouter-options.js';

/** Settings of the OpenRouter provider. */
export interface OpenRouterSettings {
  /** @default process.env.OPENROUTER_API_KEY */
  apiKey?: string;
  /**
   * Called once when a request's key is refused (a 401): return a new key (used from then on), or nothing to
   * load it again; the request is then sent once more. See `OnAuthRefresh`.
   */
  onAuthRefresh?: OnAuthRefresh;
  /** @default 'https://openrouter.ai/api/v1' */
  baseURL?: string;
  /** Extra headers on every request, e.g. `HTTP-Referer` and `X-Title` for OpenRouter's app rankings. */
  headers?: Record<string, string>;
  /** Overrides the default User-Agent. */
  userAgent?: string;
  /** The fetch to use, e.g. a cassette fetch in tests. @default globalThis.fetch */
  fetch?: typeof fetch;
}

/** An OpenRouter provider: `provider.languageModel('anthropic/claude-haiku-4.5')`. */
export interface OpenRouterProvider extends Provider {
  languageModel(modelId: string): OpenAIChatLanguageModel;
  /** An embedding model on the service's OpenAI-compatible `/embeddings`. */
  embeddingModel(modelId: string): OpenAIEmbeddingModel;
}

/**
 * Creates an OpenRouter provider: every model OpenRouter routes to, over its chat-completions API. Reasoning
 * keeps each upstream family's metadata (Anthropic signatures, OpenAI encrypted reasoning, Gemini signatures)
 * and goes back on later turns in the format that family expects; options go under
 * `providerOptions.openrouter`; objects are generated in tool mode.
 *
 * @example
 * const openrouter = createOpenRouter();
 * const model = openrouter.languageModel('anthropic/claude-haiku-4.5');
 * const result = await model.generate({
 *   prompt: [userMessage('Say hi')],
 *   providerOptions: { openrouter: { reasoning: { effort: 'medium' } } },
 * });
 */
export function createOpenRouter(settings: OpenRouterSettings = {}): OpenRouterProvider {
  const dialect = createGatewayDialect({
    provider: 'openrouter',
    optionsKey: 'openrouter',
    applyProviderOptions: applyOpenRouterOptions,
    imageDetailKey: 'openrouter',
    xaiResponses: true,
    reasoning: { readPlainReasoning: false, keepEmptyReasoning: true },
  });
  const credential = createRefreshableCredential(settings.onAuthRefresh);
  const baseURL = (settings.baseURL ?? 'https://openrouter.ai/api/v1').replace(/\/+$/, '');
  const headers = bearerHeaders({
    apiKey: settings.apiKey,
    environmentVariable: 'OPENROUTER_API_KEY',
    provider: 'OpenRouter',
    headers: settings.headers,
    credential,
  });
  const languageModel = chatModelFactory({
    dialect,
    baseURL,
    headers,
    userAgent: settings.userAgent,
    fetch: settings.fetch,
    refreshAuth: credential.refresh,
  });
  const embeddingModel = (modelId: string) =>
    new OpenAIEmbeddingModel(modelId, {
      provider: dialect.provider,
      baseURL,
      headers,
      userAgent: settings.userAgent,
      fetch: settings.fetch,
      optionsKey: 'openrouter',
    });
  return { name: dialect.provider, languageModel, embeddingModel };
}
