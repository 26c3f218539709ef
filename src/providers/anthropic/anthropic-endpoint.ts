import type { APICallError } from '../../errors/api-call-error.js';
import type { SignRequest } from '../../http/fetch-within-origin.js';
import type { PostJsonResult } from '../../http/post-json.js';
import type { ParseErrorBody } from '../../http/provider-error-body.js';
import { openSseStream } from '../../http/read-response.js';

/** A request in the direct API's shape, before an endpoint adapts it. */
export interface AnthropicEndpointRequest {
  modelId: string;
  body: Record<string, unknown>;
  stream: boolean;
  betaFlags: readonly string[];
}

/** What is actually sent: where, with which body and headers, signed how. */
export interface PreparedAnthropicRequest {
  url: string;
  body: Record<string, unknown>;
  headers: Record<string, string>;
  /** Signs each request just before it is sent (Bedrock SigV4), a redirected one included. */
  sign?: SignRequest | undefined;
}

/** One `data` JSON text of a streamed event. */
export interface AnthropicEventData {
  data: string;
}

/**
 * Where Anthropic models are served: the Anthropic API, Amazon Bedrock or Google Vertex AI. The messages,
 * tools and stream events are the same everywhere; an endpoint adds only its URL, body rewrite, auth and
 * stream framing.
 */
export interface AnthropicEndpoint {
  /** Reported as `LanguageModel.provider`. */
  provider: string;
  /** Bedrock rejects `tool_choice.disable_parallel_tool_use`. */
  supportsDisableParallelToolUse: boolean;
  /** Resolves credentials (throwing a typed error when there are none) and builds the request. */
  prepareRequest(request: AnthropicEndpointRequest): Promise<PreparedAnthropicRequest>;
  /** Opens a streamed response as event data texts. @default server-sent events */
  readEvents?(posted: PostJsonResult, url: string): Promise<AsyncIterable<AnthropicEventData>>;
  parseErrorBody?: ParseErrorBody;
  /** Runs the provider's `onAuthRefresh` after an auth error; the request is then prepared and sent once more. */
  refreshAuth?: ((error: APICallError) => Promise<void>) | undefined;
}

/** The default stream framing: server-sent events whose `data` is the event JSON. */
export function readSseEvents(
  posted: PostJsonResult,
  url: string,
  parseErrorBody?: ParseErrorBody,
): Promise<AsyncIterable<AnthropicEventData>> {
  return openSseStream(posted, url, parseErrorBody);
}
