import { createRefreshableCredential, type OnAuthRefresh } from '../../http/auth-refresh.js';
import { loadApiKey } from '../../http/load-api-key.js';
import type { LanguageModel, Provider } from '../../spec/language-model.js';
import type { ChatDialect } from './openai-chat-dialect.js';
import { OpenAIChatLanguageModel } from './openai-chat-language-model.js';
import { OpenAIEmbeddingModel } from './openai-embedding-model.js';
import { applyOpenAIChatOptions } from './openai-options.js';
import { OpenAIResponsesLanguageModel } from './responses/openai-responses-language-model.js';
import { isResponsesModel } from './responses/openai-responses-model-rules.js';
import { openaiTools } from './responses/openai-responses-tools.js';

export type { OpenAIServiceTier } from './apply-service-tier.js';
export type { OpenAIChatProviderMetadata } from './map-openai-chat-metadata.js';
export type { OpenAILogprob, OpenAITopLogprob } from './map-openai-logprobs.js';
export type { ChatDialect } from './openai-chat-dialect.js';
export { OpenAIChatLanguageModel, type OpenAIChatModelConfig } from './openai-chat-language-model.js';
export { OpenAIEmbeddingModel, type OpenAIEmbeddingSettings } from './openai-embedding-model.js';
export type { OpenAIChatOptions, ReasoningEffort } from './openai-options.js';
export {
  OpenAIResponsesLanguageModel,
  type OpenAIResponsesModelConfig,
} from './responses/openai-responses-language-model.js';
export { isResponsesModel } from './responses/openai-responses-model-rules.js';
export type {
  OpenAIResponsesInclude,
  OpenAIResponsesOptions,
  OpenAIResponsesProviderMetadata,
  OpenAIResponsesReasoningMetadata,
  OpenAIWebSearchCallMetadata,
} from './responses/openai-responses-options.js';
export {
  type ApplyPatchOperation,
  type CodeInterpreterArgs,
  type CustomToolArgs,
  type FileSearchArgs,
  type ImageGenerationArgs,
  type LocalShellAction,
  type McpArgs,
  type OpenAIToolExecutor,
  openAIToolIds,
  openaiTools,
  type ShellAction,
  shellOutput,
} from './responses/openai-responses-tools.js';
export {
  type OpenAIWebSearchToolArgs,
  type OpenAIWebSearchUserLocation,
  webSearchTool,
} from './responses/openai-web-search-tool.js';
export {
  type XaiWebSearchArgs,
  type XaiXSearchArgs,
  xaiToolIds,
  xaiTools,
} from './responses/xai-responses-tools.js';

/** Settings of the OpenAI provider. */
export interface OpenAIProviderSettings {
  /** @default process.env.OPENAI_API_KEY */
  apiKey?: string;
  /**
   * Called once when a request's key is refused (a 401): return a new key (used from then on), or nothing to
   * load it again; the request is then sent once more. See `OnAuthRefresh`.
   */
  onAuthRefresh?: OnAuthRefresh;
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
  /**
   * Makes `languageModel(id)` use the Responses API for the models that `isResponsesModel` accepts (gpt-4o,
   * gpt-4.1, gpt-5, o3, o4-mini, ...); other ids stay on chat completions. @default false
   */
  useResponsesAPI?: boolean;
  /** Decides which ids go to the Responses API when `useResponsesAPI` is on. @default isResponsesModel */
  isResponsesModel?: (modelId: string) => boolean;
}

/**
 * An OpenAI provider: `provider.languageModel(id)`, or explicitly `provider.chat(id)` for chat completions
 * and `provider.responses(id)` for the Responses API.
 */
export interface OpenAIProvider extends Provider {
  chat(modelId: string): OpenAIChatLanguageModel;
  /** An embedding model on `/embeddings` (text-embedding-3-small, text-embedding-3-large, ...). */
  embeddingModel(modelId: string): OpenAIEmbeddingModel;
  responses(modelId: string): OpenAIResponsesLanguageModel;
  /** The Responses API's hosted and client tools. */
  tools: typeof openaiTools;
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
 * const reasoner = createOpenAI({ useResponsesAPI: true }).languageModel('gpt-5'); // Responses API
 */
export function createOpenAI(settings: OpenAIProviderSettings = {}): OpenAIProvider {
  const dialect = openAIChatDialect(settings.name);
  const credential = createRefreshableCredential(settings.onAuthRefresh);
  const headers = (): Record<string, string> => ({
    authorization: `Bearer ${credential.current ?? loadApiKey({ apiKey: settings.apiKey, environmentVariable: 'OPENAI_API_KEY', provider: 'OpenAI' })}`,
    ...(settings.organization ? { 'openai-organization': settings.organization } : {}),
    ...(settings.project ? { 'openai-project': settings.project } : {}),
    ...settings.headers,
  });
  const baseURL = (settings.baseURL ?? 'https://api.openai.com/v1').replace(/\/+$/, '');
  const connection = {
    baseURL,
    headers,
    userAgent: settings.userAgent,
    fetch: settings.fetch,
    refreshAuth: credential.refresh,
  };
  const chat = (modelId: string) => new OpenAIChatLanguageModel(modelId, { dialect, ...connection });
  const responses = (modelId: string) =>
    new OpenAIResponsesLanguageModel(modelId, { provider: dialect.provider, ...connection });
  const routesToResponses = settings.isResponsesModel ?? isResponsesModel;
  const languageModel = (modelId: string): LanguageModel =>
    settings.useResponsesAPI && routesToResponses(modelId) ? responses(modelId) : chat(modelId);
  const embeddingModel = (modelId: string) =>
    new OpenAIEmbeddingModel(modelId, { provider: dialect.provider, ...connection });
  return { name: dialect.provider, chat, responses, languageModel, embeddingModel, tools: openaiTools };
}
