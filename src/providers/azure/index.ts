import { createRefreshableCredential, type OnAuthRefresh } from '../../http/auth-refresh.js';
import { loadApiKey } from '../../http/load-api-key.js';
import type { LanguageModel, Provider } from '../../spec/language-model.js';
import { openAIChatDialect } from '../openai/index.js';
import { OpenAIChatLanguageModel } from '../openai/openai-chat-language-model.js';
import { OpenAIEmbeddingModel } from '../openai/openai-embedding-model.js';
import { OpenAIResponsesLanguageModel } from '../openai/responses/openai-responses-language-model.js';
import { isResponsesModel } from '../openai/responses/openai-responses-model-rules.js';
import { openaiTools } from '../openai/responses/openai-responses-tools.js';
import { resolveAzureBaseURL } from './resolve-azure-base-url.js';

export { resolveAzureBaseURL } from './resolve-azure-base-url.js';

/** Settings of the Azure OpenAI provider. Give `resourceName` or `baseURL`. */
export interface AzureProviderSettings {
  /** The Azure OpenAI resource, e.g. `my-resource` for `https://my-resource.openai.azure.com`. */
  resourceName?: string;
  /**
   * The resource URL (any Azure OpenAI domain; rewritten to `https://<resource>.openai.azure.com/openai/v1`)
   * or, for a proxy, the full base URL to use as is.
   */
  baseURL?: string;
  /** Sent as the `api-key` header. @default process.env.AZURE_OPENAI_API_KEY */
  apiKey?: string;
  /**
   * Called once when a request's key is refused (a 401): return a new key (used from then on), or nothing to
   * load it again; the request is then sent once more. See `OnAuthRefresh`.
   */
  onAuthRefresh?: OnAuthRefresh;
  /** Extra headers on every request. */
  headers?: Record<string, string>;
  /** Overrides the default User-Agent. */
  userAgent?: string;
  /** The fetch to use, e.g. a cassette fetch in tests. @default globalThis.fetch */
  fetch?: typeof fetch;
  /** Reported as `LanguageModel.provider`. @default 'azure' */
  name?: string;
  /** Makes `languageModel(id)` use the Responses API for ids `isResponsesModel` accepts. @default false */
  useResponsesAPI?: boolean;
  /** Decides which ids go to the Responses API when `useResponsesAPI` is on. @default isResponsesModel */
  isResponsesModel?: (modelId: string) => boolean;
}

/**
 * An Azure OpenAI provider: the OpenAI models (chat completions and Responses) on Azure's v1 API. Provider
 * options stay under `providerOptions.openai`; the model id is the deployment name.
 */
export interface AzureProvider extends Provider {
  /** An embedding deployment on the v1 `/embeddings` API. */
  embeddingModel(deploymentName: string): OpenAIEmbeddingModel;
  chat(deploymentName: string): OpenAIChatLanguageModel;
  responses(deploymentName: string): OpenAIResponsesLanguageModel;
  /** The Responses API's hosted and client tools, as on OpenAI. */
  tools: typeof openaiTools;
}

/**
 * Creates an Azure OpenAI provider on the v1 API (`https://<resource>.openai.azure.com/openai/v1`, no
 * `api-version`), authenticated with the `api-key` header.
 *
 * @example
 * const azure = createAzure({ resourceName: 'my-resource', useResponsesAPI: true });
 * const model = azure.languageModel('gpt-5-mini');
 */
export function createAzure(settings: AzureProviderSettings): AzureProvider {
  const name = settings.name ?? 'azure';
  const credential = createRefreshableCredential(settings.onAuthRefresh);
  const headers = (): Record<string, string> => ({
    'api-key':
      credential.current ??
      loadApiKey({
        apiKey: settings.apiKey,
        environmentVariable: 'AZURE_OPENAI_API_KEY',
        provider: 'Azure OpenAI',
      }),
    ...settings.headers,
  });
  const connection = {
    baseURL: resolveAzureBaseURL(settings),
    headers,
    userAgent: settings.userAgent,
    fetch: settings.fetch,
    refreshAuth: credential.refresh,
  };
  const dialect = openAIChatDialect(name);
  const chat = (modelId: string) => new OpenAIChatLanguageModel(modelId, { dialect, ...connection });
  const responses = (modelId: string) =>
    new OpenAIResponsesLanguageModel(modelId, { provider: name, ...connection });
  const routesToResponses = settings.isResponsesModel ?? isResponsesModel;
  const languageModel = (modelId: string): LanguageModel =>
    settings.useResponsesAPI && routesToResponses(modelId) ? responses(modelId) : chat(modelId);
  const embeddingModel = (deploymentName: string) =>
    new OpenAIEmbeddingModel(deploymentName, { provider: name, ...connection });
  return { name, chat, responses, languageModel, embeddingModel, tools: openaiTools };
}
