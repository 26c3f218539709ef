import { createRefreshableCredential, type OnAuthRefresh } from '../../http/auth-refresh.js';
import type { SignRequest } from '../../http/fetch-within-origin.js';
import type { PostJsonResult } from '../../http/post-json.js';
import { type ParseErrorBody, parseCommonErrorBody } from '../../http/provider-error-body.js';
import { rejectNonStreamBody } from '../../http/read-response.js';
import { attachRedaction } from '../../http/stream-redaction.js';
import type { AnthropicEndpoint, AnthropicEventData } from '../anthropic/anthropic-endpoint.js';
import { decodeBedrockEvents } from './decode-bedrock-events.js';
import { type BedrockAuthSettings, resolveBedrockAuth } from './resolve-bedrock-auth.js';
import { type AwsCredentials, signAwsRequest } from './sign-aws-request.js';

/** The body version Bedrock wants instead of a `model` field. */
export const bedrockAnthropicVersion = 'bedrock-2023-05-31';

/** What the Bedrock endpoint needs to know. */
export interface BedrockEndpointSettings extends BedrockAuthSettings {
  onAuthRefresh?: OnAuthRefresh<string | AwsCredentials> | undefined;
  name: string;
  region: string;
  baseURL: string;
}

/**
 * Anthropic models on Bedrock: `POST /model/<id>/invoke` or `/invoke-with-response-stream` (the id escaped,
 * `:` as `%3A`), body without `model` and `stream` but with `anthropic_version`, beta flags in the body, and
 * no `disable_parallel_tool_use`. Streams arrive as AWS event-stream frames.
 */
export function bedrockEndpoint(settings: BedrockEndpointSettings): AnthropicEndpoint {
  const credential = createRefreshableCredential(settings.onAuthRefresh);
  return {
    refreshAuth: credential.refresh,
    provider: settings.name,
    supportsDisableParallelToolUse: false,
    async prepareRequest({ modelId, body, stream, betaFlags }) {
      const auth = await resolveBedrockAuth(settings, credential.current);
      const action = stream ? 'invoke-with-response-stream' : 'invoke';
      const { model: _model, stream: _stream, ...rest } = body;
      const headers: Record<string, string> = stream ? { accept: 'application/vnd.amazon.eventstream' } : {};
      if (auth.type === 'bearer') headers.authorization = `Bearer ${auth.apiKey}`;
      return {
        url: `${settings.baseURL}/model/${encodeURIComponent(bedrockModelId(modelId, settings.region))}/${action}`,
        body: {
          ...rest,
          anthropic_version: bedrockAnthropicVersion,
          ...(betaFlags.length > 0 ? { anthropic_beta: [...betaFlags] } : {}),
        },
        headers,
        sign: auth.type === 'sigv4' ? sigV4Signer(auth.credentials, settings.region) : undefined,
      };
    },
    readEvents: readBedrockEvents,
    parseErrorBody: parseBedrockErrorBody,
  };
}

/** Cross-region inference profile prefixes a model id may already carry. */
const profilePrefixes = [
  'global.',
  'us-gov.',
  'us.',
  'eu.',
  'apac.',
  'ap.',
  'jp.',
  'au.',
  'ca.',
  'sa.',
  'il.',
  'mx.',
];

/**
 * The id to invoke: a bare `anthropic.*` id gets the region's inference profile prefix (newer Claude
 * models are only served through profiles), as Fantasy does; prefixed ids and ARNs are kept.
 */
export function bedrockModelId(modelId: string, region: string): string {
  if (!modelId.startsWith('anthropic.')) return modelId;
  if (profilePrefixes.some((prefix) => modelId.startsWith(prefix))) return modelId;
  return `${inferenceProfilePrefix(region)}.${modelId}`;
}

function inferenceProfilePrefix(region: string): string {
  if (region.startsWith('us-gov-')) return 'us-gov';
  if (region.startsWith('us-') || region.startsWith('ca-')) return 'us';
  if (region.startsWith('eu-')) return 'eu';
  if (region === 'ap-northeast-1') return 'jp';
  if (region === 'ap-southeast-2') return 'au';
  if (region.startsWith('ap-')) return 'apac';
  return 'global';
}

/** Signs each request with SigV4 (service `bedrock`) just before it is sent. */
export function sigV4Signer(credentials: AwsCredentials, region: string): SignRequest {
  return (request) => {
    const contentType = request.headers['content-type'];
    return signAwsRequest({
      method: request.method,
      url: request.url,
      headers: contentType === undefined ? {} : { 'content-type': contentType },
      body: request.body ?? '',
      credentials,
      region,
      service: 'bedrock',
    });
  };
}

async function readBedrockEvents(
  posted: PostJsonResult,
  url: string,
): Promise<AsyncIterable<AnthropicEventData>> {
  const contentType = posted.responseHeaders['content-type'] ?? '';
  const body = posted.response.body;
  if (body !== null && !contentType.includes('json') && !contentType.includes('text/html')) {
    return attachRedaction(decodeBedrockEvents(body, url, posted.watchdog), posted.redactError);
  }
  return rejectNonStreamBody({
    posted,
    url,
    parseErrorBody: parseBedrockErrorBody,
    expected: 'an AWS event stream',
  });
}

/** AWS error bodies say `{"message": ...}` or `{"Message": ...}`; Anthropic's own shape is read too. */
export const parseBedrockErrorBody: ParseErrorBody = (text) => {
  try {
    const body = JSON.parse(text) as { Message?: unknown };
    if (typeof body.Message === 'string') return { message: body.Message };
  } catch {
    return undefined;
  }
  return parseCommonErrorBody(text);
};
