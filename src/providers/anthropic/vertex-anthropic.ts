import { InvalidArgumentError } from '../../errors/invalid-argument-error.js';
import { LoadAPIKeyError } from '../../errors/load-api-key-error.js';
import { createRefreshableCredential, type OnAuthRefresh } from '../../http/auth-refresh.js';
import { loadEnvironmentVariable } from '../../http/load-api-key.js';
import type { Provider } from '../../spec/language-model.js';
import type { AnthropicEndpoint } from './anthropic-endpoint.js';
import { AnthropicLanguageModel } from './anthropic-language-model.js';

/** Settings of Claude on Google Vertex AI. */
export interface VertexAnthropicSettings {
  /** @default process.env.GOOGLE_VERTEX_PROJECT */
  project?: string;
  /** e.g. `us-east5`, `global`, `us` or `eu`. @default process.env.GOOGLE_VERTEX_LOCATION */
  location?: string;
  /** An OAuth access token, e.g. from `gcloud auth print-access-token`. @default process.env.GOOGLE_VERTEX_ACCESS_TOKEN */
  accessToken?: string;
  /** Called before each request for a fresh token; wins over `accessToken`. */
  getAccessToken?: () => string | Promise<string>;
  /**
   * Called once when a request's token is refused (a 401): return a new token (used from then on), or
   * nothing to have `getAccessToken` called again; the request is then sent once more.
   */
  onAuthRefresh?: OnAuthRefresh;
  /** @default derived from the location, e.g. `https://us-east5-aiplatform.googleapis.com` */
  baseURL?: string;
  headers?: Record<string, string>;
  userAgent?: string;
  /** @default globalThis.fetch */
  fetch?: typeof fetch;
  /** Reported as `LanguageModel.provider`. @default 'vertex-anthropic' */
  name?: string;
}

/** The body version Vertex wants instead of a `model` field. */
export const vertexAnthropicVersion = 'vertex-2023-10-16';

/** The Vertex AI host for a location: the global host, a multi-region host, or the regional one. */
export function vertexBaseURL(location: string): string {
  if (location === 'global') return 'https://aiplatform.googleapis.com';
  if (location === 'us' || location === 'eu') return `https://aiplatform.${location}.rep.googleapis.com`;
  return `https://${location}-aiplatform.googleapis.com`;
}

/**
 * Creates a provider for Claude on Vertex AI: `rawPredict` / `streamRawPredict` on the publisher model, the
 * model id in the URL as given (e.g. `claude-3-7-sonnet@20250219`).
 *
 * @example
 * const vertex = createVertexAnthropic({ project: 'my-project', location: 'us-east5', getAccessToken });
 * const model = vertex.languageModel('claude-sonnet-4@20250514');
 */
export function createVertexAnthropic(settings: VertexAnthropicSettings = {}): Provider & {
  languageModel(modelId: string): AnthropicLanguageModel;
} {
  const name = settings.name ?? 'vertex-anthropic';
  const endpoint = vertexAnthropicEndpoint(name, settings);
  return {
    name,
    languageModel: (modelId: string) =>
      new AnthropicLanguageModel(modelId, {
        endpoint,
        headers: settings.headers,
        userAgent: settings.userAgent,
        fetch: settings.fetch,
      }),
  };
}

function vertexAnthropicEndpoint(name: string, settings: VertexAnthropicSettings): AnthropicEndpoint {
  const credential = createRefreshableCredential(settings.onAuthRefresh);
  return {
    refreshAuth: credential.refresh,
    provider: name,
    supportsDisableParallelToolUse: true,
    async prepareRequest({ modelId, body, stream, betaFlags }) {
      const project = required(settings.project, 'GOOGLE_VERTEX_PROJECT', 'project');
      const location = required(settings.location, 'GOOGLE_VERTEX_LOCATION', 'location');
      const token = credential.current ?? (await accessToken(settings));
      const base = (settings.baseURL ?? vertexBaseURL(location)).replace(/\/+$/, '');
      const method = stream ? 'streamRawPredict' : 'rawPredict';
      const { model: _model, ...rest } = body;
      return {
        url: `${base}/v1/projects/${project}/locations/${location}/publishers/anthropic/models/${modelId}:${method}`,
        body: { ...rest, anthropic_version: vertexAnthropicVersion },
        headers: {
          authorization: `Bearer ${token}`,
          ...(betaFlags.length > 0 ? { 'anthropic-beta': betaFlags.join(',') } : {}),
        },
      };
    },
  };
}

function required(value: string | undefined, environmentVariable: string, option: string): string {
  const resolved = value ?? loadEnvironmentVariable(environmentVariable);
  if (resolved === undefined) {
    throw new InvalidArgumentError({
      argument: option,
      message: `Vertex AI needs a ${option}: set ${environmentVariable} or pass ${option}`,
    });
  }
  return resolved;
}

async function accessToken(settings: VertexAnthropicSettings): Promise<string> {
  if (settings.getAccessToken) return settings.getAccessToken();
  const token = settings.accessToken ?? loadEnvironmentVariable('GOOGLE_VERTEX_ACCESS_TOKEN');
  if (token !== undefined) return token;
  throw new LoadAPIKeyError({
    provider: 'Vertex AI',
    environmentVariable: 'GOOGLE_VERTEX_ACCESS_TOKEN',
    option: 'accessToken or getAccessToken (e.g. from `gcloud auth print-access-token`)',
  });
}
