import { createRefreshableCredential, type OnAuthRefresh } from '../../http/auth-refresh.js';
import type { Provider } from '../../spec/language-model.js';
import { bearerHeaders, chatModelFactory } from '../openai/chat-model-factory.js';
import type { OpenAIChatLanguageModel } from '../openai/openai-chat-language-model.js';
import { OpenAIEmbeddingModel } from '../openai/openai-embedding-model.js';
import { createGatewayDialect } from '../shared/gateway/create-gateway-dialect.js';
import { applyVercelGatewayOptions } from './vercel-options.js';

export type { GatewayMetadata as VercelGatewayMetadata } from '../shared/gateway/map-gateway-metadata.js';
export type {
  AnthropicReasoningMetadata,
  GoogleReasoningMetadata,
  ResponsesReasoningMetadata,
} from '../shared/gateway/reasoning-metadata.js';
export type {
  VercelGatewayOptions,
  VercelGatewayRouting,
  VercelReasoningEffort,
  VercelReasoningOptions,
} from './vercel-options.js';

/** Settings of the Vercel AI Gateway provider. */
export interface VercelGatewaySettings {
  /** @default process.env.AI_GATEWAY_API_KEY */
  apiKey?: string;
  /**
   * Called once when a request's key is refused (a 401): return a new key (used from then on), or nothing to
   * load it again; the request is then sent once more. See `OnAuthRefresh`.
   */
  onAuthRefresh?: OnAuthRefresh;
  /** @default 'https://ai-gateway.vercel.sh/v1' */
  baseURL?: string;
  /** Extra headers on every request. */
  headers?: Record<string, string>;
  /** Overrides the default User-Agent. */
  userAgent?: string;
  /** The fetch to use, e.g. a cassette fetch in tests. @default globalThis.fetch */
  fetch?: typeof fetch;
}

/** A Vercel AI Gateway provider: `provider.languageModel('anthropic/claude-sonnet-4')`. */
export interface VercelGatewayProvider extends Provider {
  languageModel(modelId: string): OpenAIChatLanguageModel;
  /** An embedding model on the service's OpenAI-compatible `/embeddings`. */
  embeddingModel(modelId: string): OpenAIEmbeddingModel;
}

/**
 * Creates a Vercel AI Gateway provider, over the gateway's OpenAI-compatible chat-completions API. Reasoning
 * keeps each upstream family's metadata and goes back on later turns in the format that family expects;
 * options go under `providerOptions.vercel`; objects are generated in tool mode.
 *
 * @example
 * const gateway = createVercelGateway();
 * const model = gateway.languageModel('anthropic/claude-sonnet-4');
 * const result = await model.generate({
 *   prompt: [userMessage('Say hi')],
 *   providerOptions: { vercel: { reasoning: { enabled: true } } },
 * });
 */
export function createVercelGateway(settings: VercelGatewaySettings = {}): VercelGatewayProvider {
  const dialect = createGatewayDialect({
    provider: 'vercel',
    optionsKey: 'vercel',
    applyProviderOptions: applyVercelGatewayOptions,
    imageDetailKey: 'openai',
    xaiResponses: false,
    reasoning: { readPlainReasoning: true, keepEmptyReasoning: false },
  });
  const credential = createRefreshableCredential(settings.onAuthRefresh);
  const baseURL = (settings.baseURL ?? 'https://ai-gateway.vercel.sh/v1').replace(/\/+$/, '');
  const headers = bearerHeaders({
    apiKey: settings.apiKey,
    environmentVariable: 'AI_GATEWAY_API_KEY',
    provider: 'Vercel AI Gateway',
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
      optionsKey: 'vercel',
    });
  return { name: dialect.provider, languageModel, embeddingModel };
}
