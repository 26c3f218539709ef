import type { OnAuthRefresh } from '../../http/auth-refresh.js';
import { loadEnvironmentVariable } from '../../http/load-api-key.js';
import type { Provider } from '../../spec/language-model.js';
import { AnthropicLanguageModel } from '../anthropic/anthropic-language-model.js';
import { BedrockEmbeddingModel } from './bedrock-embedding-model.js';
import { bedrockEndpoint } from './bedrock-endpoint.js';
import type { AwsCredentials } from './sign-aws-request.js';

export { bedrockModelId } from './bedrock-endpoint.js';
export {
  EventStreamDecoder,
  type EventStreamHeaderValue,
  type EventStreamMessage,
} from './event-stream-decoder.js';
export { EventStreamError, type EventStreamErrorReason } from './event-stream-error.js';
export { type AwsCredentials, type AwsSigningRequest, signAwsRequest } from './sign-aws-request.js';

/** Settings of the Amazon Bedrock provider (Anthropic models). */
export interface BedrockProviderSettings {
  /** @default process.env.AWS_REGION, else 'us-east-1' */
  region?: string;
  /** A Bedrock API key, sent as a bearer token. @default process.env.AWS_BEARER_TOKEN_BEDROCK */
  apiKey?: string;
  /** With `secretAccessKey`, signs requests with SigV4. @default process.env.AWS_ACCESS_KEY_ID */
  accessKeyId?: string;
  /** @default process.env.AWS_SECRET_ACCESS_KEY */
  secretAccessKey?: string;
  /** @default process.env.AWS_SESSION_TOKEN */
  sessionToken?: string;
  /** Called before each request for fresh credentials (SSO, assumed roles). */
  credentialProvider?: () => AwsCredentials | Promise<AwsCredentials>;
  /**
   * Called once when a request's credentials are refused (a 401): return a new API key or new AWS
   * credentials (used from then on), or nothing to resolve them again (`credentialProvider` is called
   * again); the request is then sent once more.
   */
  onAuthRefresh?: OnAuthRefresh<string | AwsCredentials>;
  /** @default `https://bedrock-runtime.<region>.amazonaws.com` */
  baseURL?: string;
  headers?: Record<string, string>;
  userAgent?: string;
  /** @default globalThis.fetch */
  fetch?: typeof fetch;
  /** Reported as `LanguageModel.provider`. @default 'bedrock' */
  name?: string;
}

/**
 * Creates a provider for Anthropic models on Amazon Bedrock, without the AWS SDK: a Bedrock API key, or
 * access keys signed with SigV4 through `crypto.subtle`. Options go under `providerOptions.anthropic`.
 *
 * @example
 * const bedrock = createBedrock({ region: 'us-east-1' });
 * const model = bedrock.languageModel('us.anthropic.claude-haiku-4-5-20251001-v1:0');
 */
export function createBedrock(settings: BedrockProviderSettings = {}): Provider & {
  languageModel(modelId: string): AnthropicLanguageModel;
  /** Amazon Titan and Cohere embedding models. */
  embeddingModel(modelId: string): BedrockEmbeddingModel;
} {
  const name = settings.name ?? 'bedrock';
  const region = settings.region ?? loadEnvironmentVariable('AWS_REGION') ?? 'us-east-1';
  const baseURL = (settings.baseURL ?? `https://bedrock-runtime.${region}.amazonaws.com`).replace(/\/+$/, '');
  const auth = {
    apiKey: settings.apiKey,
    accessKeyId: settings.accessKeyId,
    secretAccessKey: settings.secretAccessKey,
    sessionToken: settings.sessionToken,
    credentialProvider: settings.credentialProvider,
  };
  const endpoint = bedrockEndpoint({ name, region, baseURL, ...auth, onAuthRefresh: settings.onAuthRefresh });
  return {
    name,
    embeddingModel: (modelId: string) =>
      new BedrockEmbeddingModel(modelId, {
        provider: name,
        region,
        baseURL,
        ...auth,
        headers: settings.headers,
        userAgent: settings.userAgent,
        fetch: settings.fetch,
      }),
    languageModel: (modelId: string) =>
      new AnthropicLanguageModel(modelId, {
        endpoint,
        headers: settings.headers,
        userAgent: settings.userAgent,
        fetch: settings.fetch,
      }),
  };
}
