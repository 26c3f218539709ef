import { InvalidArgumentError } from '../../errors/invalid-argument-error.js';
import { LoadAPIKeyError } from '../../errors/load-api-key-error.js';
import { createRefreshableCredential, type OnAuthRefresh } from '../../http/auth-refresh.js';
import { loadEnvironmentVariable } from '../../http/load-api-key.js';
import type { Provider } from '../../spec/language-model.js';
import { GoogleEmbeddingModel } from './google-embedding-model.js';
import { GoogleLanguageModel } from './google-language-model.js';
import { googleTools } from './google-provider-tools.js';

export {
  convertJsonSchemaToGemini,
  type DroppedSchemaKeyword,
  type GeminiSchemaConversion,
} from './convert-json-schema-to-gemini.js';
export { GoogleEmbeddingModel, type GoogleEmbeddingOptions } from './google-embedding-model.js';
export { GoogleLanguageModel, type GoogleModelConfig } from './google-language-model.js';
export type {
  GoogleOptions,
  GoogleReasoningMetadata,
  GoogleSafetySetting,
  GoogleThinkingConfig,
  GoogleThinkingLevel,
} from './google-options.js';
export {
  type GoogleFileSearchArgs,
  googleToolIds,
  googleTools,
} from './google-provider-tools.js';

/** What both Google providers accept. */
interface GoogleCommonSettings {
  /** Extra headers on every request. */
  headers?: Record<string, string>;
  /** Overrides the default User-Agent. */
  userAgent?: string;
  /** The fetch to use, e.g. a cassette fetch in tests. @default globalThis.fetch */
  fetch?: typeof fetch;
  /** Ids for function calls Gemini returns without one (Gemini 2.5, Vertex). @default crypto.randomUUID */
  generateId?: () => string;
  /** Reported as `LanguageModel.provider`. */
  name?: string;
  /**
   * Called once when a request's key or token is refused (a 401 or `UNAUTHENTICATED`): return a new one
   * (used from then on), or nothing to load it again (`getAccessToken` is called again); the request is then
   * sent once more.
   */
  onAuthRefresh?: OnAuthRefresh;
}

/** Settings of the Gemini API provider. */
export interface GoogleProviderSettings extends GoogleCommonSettings {
  /** Sent as `x-goog-api-key`. @default process.env.GOOGLE_GENERATIVE_AI_API_KEY, then GEMINI_API_KEY */
  apiKey?: string;
  /** @default 'https://generativelanguage.googleapis.com/v1beta' */
  baseURL?: string;
}

/** Settings of the Vertex AI provider (Gemini models). */
export interface GoogleVertexProviderSettings extends GoogleCommonSettings {
  /** The Google Cloud project. @default process.env.GOOGLE_VERTEX_PROJECT */
  project?: string;
  /** The region, e.g. `us-central1`, or `global`. @default process.env.GOOGLE_VERTEX_LOCATION */
  location?: string;
  /** An OAuth access token, sent as `Authorization: Bearer <token>`. */
  accessToken?: string;
  /** Called before each request for a fresh access token, e.g. from `google-auth-library`; wins over `accessToken`. */
  getAccessToken?: () => Promise<string>;
  /**
   * Replaces `https://<location>-aiplatform.googleapis.com/v1beta1/projects/<project>/locations/<location>/publishers/google`.
   */
  baseURL?: string;
}

/** A provider of Gemini models: `provider.languageModel(id)`. */
export interface GoogleProvider extends Provider {
  languageModel(modelId: string): GoogleLanguageModel;
  /** An embedding model (gemini-embedding-001, text-embedding-005, ...). */
  embeddingModel(modelId: string): GoogleEmbeddingModel;
  /** Gemini's built-in tools (search, URL context, code execution, file search, maps). */
  tools: typeof googleTools;
}

/**
 * Creates a provider for the Gemini API (Google AI Studio keys).
 *
 * @example
 * const google = createGoogle();
 * const model = google.languageModel('gemini-2.5-flash');
 */
export function createGoogle(settings: GoogleProviderSettings = {}): GoogleProvider {
  const name = settings.name ?? 'google';
  const baseURL = (settings.baseURL ?? 'https://generativelanguage.googleapis.com/v1beta').replace(
    /\/+$/,
    '',
  );
  const credential = createRefreshableCredential(settings.onAuthRefresh);
  const headers = () => ({
    'x-goog-api-key': credential.current ?? loadGeminiApiKey(settings.apiKey),
    ...settings.headers,
  });
  const generateId = settings.generateId ?? (() => crypto.randomUUID());
  const languageModel = (modelId: string) =>
    new GoogleLanguageModel(modelId, {
      provider: name,
      baseURL: () => baseURL,
      headers,
      userAgent: settings.userAgent,
      fetch: settings.fetch,
      generateId,
      vertex: false,
      refreshAuth: credential.refresh,
    });
  const embeddingModel = (modelId: string) =>
    new GoogleEmbeddingModel(modelId, {
      provider: name,
      baseURL: () => baseURL,
      headers,
      userAgent: settings.userAgent,
      fetch: settings.fetch,
      vertex: false,
    });
  return { name, languageModel, embeddingModel, tools: googleTools };
}

/**
 * Creates a provider for Gemini models on Vertex AI. Credentials are an OAuth access token, given as is or
 * fetched per request; this package does not read Application Default Credentials itself.
 *
 * @example
 * const vertex = createVertex({ project: 'my-project', location: 'us-central1', getAccessToken });
 * const model = vertex.languageModel('gemini-2.5-pro');
 */
export function createVertex(settings: GoogleVertexProviderSettings = {}): GoogleProvider {
  const name = settings.name ?? 'google-vertex';
  const baseURL = () => (settings.baseURL ?? vertexBaseURL(settings)).replace(/\/+$/, '');
  const credential = createRefreshableCredential(settings.onAuthRefresh);
  const headers = async () => ({
    authorization: `Bearer ${credential.current ?? (await loadVertexAccessToken(settings))}`,
    ...settings.headers,
  });
  const generateId = settings.generateId ?? (() => crypto.randomUUID());
  const languageModel = (modelId: string) =>
    new GoogleLanguageModel(modelId, {
      provider: name,
      baseURL,
      headers,
      userAgent: settings.userAgent,
      fetch: settings.fetch,
      generateId,
      vertex: true,
      refreshAuth: credential.refresh,
    });
  const embeddingModel = (modelId: string) =>
    new GoogleEmbeddingModel(modelId, {
      provider: name,
      baseURL,
      headers,
      userAgent: settings.userAgent,
      fetch: settings.fetch,
      vertex: true,
    });
  return { name, languageModel, embeddingModel, tools: googleTools };
}

function loadGeminiApiKey(apiKey: string | undefined): string {
  const key =
    apiKey ??
    loadEnvironmentVariable('GOOGLE_GENERATIVE_AI_API_KEY') ??
    loadEnvironmentVariable('GEMINI_API_KEY');
  if (key !== undefined) return key;
  throw new LoadAPIKeyError({
    provider: 'Google Gemini',
    environmentVariable: 'GOOGLE_GENERATIVE_AI_API_KEY (or GEMINI_API_KEY)',
  });
}

/** `https://<location>-aiplatform.googleapis.com/…`, or the bare host for the `global` location. */
function vertexBaseURL(settings: GoogleVertexProviderSettings): string {
  const project = requireSetting(settings.project, 'project', 'GOOGLE_VERTEX_PROJECT');
  const location = requireSetting(settings.location, 'location', 'GOOGLE_VERTEX_LOCATION');
  const host = location === 'global' ? 'aiplatform.googleapis.com' : `${location}-aiplatform.googleapis.com`;
  return `https://${host}/v1beta1/projects/${project}/locations/${location}/publishers/google`;
}

function requireSetting(value: string | undefined, option: string, environmentVariable: string): string {
  const resolved = value ?? loadEnvironmentVariable(environmentVariable);
  if (resolved !== undefined && resolved !== '') return resolved;
  throw new InvalidArgumentError({
    argument: option,
    message: `Google Vertex needs a ${option}: set ${environmentVariable} or pass ${option}`,
  });
}

async function loadVertexAccessToken(settings: GoogleVertexProviderSettings): Promise<string> {
  const token = settings.getAccessToken ? await settings.getAccessToken() : settings.accessToken;
  if (token) return token;
  throw new InvalidArgumentError({
    argument: 'accessToken',
    message:
      'Google Vertex needs credentials: pass accessToken, or getAccessToken returning one (e.g. from google-auth-library)',
  });
}
