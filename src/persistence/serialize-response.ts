import type { GenerateResult } from '../spec/generate-result.js';
import type { JSONObject } from '../spec/json-value.js';
import { checkResponse } from './check-response.js';
import { childContext, parseJsonText, type ReadContext } from './read-value.js';
import { persistenceVersion, readEnvelope } from './serialize-messages.js';
import { decodeTaggedValue, encodeTaggedValue } from './tagged-value.js';

/** Names the document kind of a stored response. */
export const responseFormat = 'fantasy-ts/response';

/** The JSON document of a model response: `{ format, version, response }`, tagged like `messagesToJSON`. */
export function responseToJSON(response: GenerateResult): JSONObject {
  // `text` and `reasoningText` are derived from the content; reading the document derives them again.
  const { text: _text, reasoningText: _reasoningText, ...stored } = response;
  return {
    format: responseFormat,
    version: persistenceVersion,
    response: encodeTaggedValue(stored, 'response') ?? null,
  };
}

/** The response of a document `responseToJSON` wrote; throws an `InvalidConversationError` otherwise. */
export function responseFromJSON(json: unknown): GenerateResult {
  const context: ReadContext = { format: 'fantasy-ts', path: '' };
  const responseContext = childContext(context, 'response');
  const envelope = readEnvelope(json, responseFormat, context);
  return checkResponse(decodeTaggedValue(envelope.response, responseContext), responseContext);
}

/** A model response (content, usage, metadata) as JSON text. */
export function serializeResponse(response: GenerateResult): string {
  return JSON.stringify(responseToJSON(response));
}

/** The response `serializeResponse` wrote. */
export function parseResponse(text: string): GenerateResult {
  return responseFromJSON(parseJsonText(text, 'fantasy-ts'));
}
