import type { APICallError } from '../../errors/api-call-error.js';
import type { RefreshableCredential } from '../../http/auth-refresh.js';
import { loadApiKey } from '../../http/load-api-key.js';
import type { ChatDialect } from './openai-chat-dialect.js';
import { OpenAIChatLanguageModel } from './openai-chat-language-model.js';

/** What every chat-completions provider's factory shares: where to call, how to authenticate, which fetch. */
export interface ChatModelFactoryOptions {
  dialect: ChatDialect;
  /** The base URL; trailing slashes are removed. */
  baseURL: string;
  /** Auth and provider headers, computed per request. */
  headers: () => Record<string, string>;
  userAgent?: string | undefined;
  fetch?: typeof fetch | undefined;
  /** Runs the provider's `onAuthRefresh` after an auth error. */
  refreshAuth?: ((error: APICallError) => Promise<void>) | undefined;
}

/** A `languageModel(id)` function for a chat-completions service. */
export function chatModelFactory(
  options: ChatModelFactoryOptions,
): (modelId: string) => OpenAIChatLanguageModel {
  const baseURL = options.baseURL.replace(/\/+$/, '');
  return (modelId) =>
    new OpenAIChatLanguageModel(modelId, {
      dialect: options.dialect,
      baseURL,
      headers: options.headers,
      userAgent: options.userAgent,
      fetch: options.fetch,
      refreshAuth: options.refreshAuth,
    });
}

/** Headers with `Authorization: Bearer <key>`, the key from the option or the environment variable. */
export function bearerHeaders(options: {
  apiKey: string | undefined;
  environmentVariable: string;
  provider: string;
  headers: Record<string, string> | undefined;
  /** A refreshed key, preferred once there is one. */
  credential?: RefreshableCredential<string> | undefined;
}): () => Record<string, string> {
  return () => ({
    authorization: `Bearer ${options.credential?.current ?? loadApiKey(options)}`,
    ...options.headers,
  });
}
