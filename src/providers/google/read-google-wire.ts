import { isWireObject, wireTypeError } from '../shared/wire-type-error.js';
import type { GoogleCandidate, GoogleGenerateContentResponse, GooglePart } from './google-api.js';

/**
 * Checks the fields of a `GenerateContentResponse` (a whole answer, or one streamed event) that we read, so a
 * wrong wire type (`candidates: {}`, a numeric function name, text that is an object) is an
 * `InvalidResponseError` naming the field instead of a `TypeError` or a part holding an object.
 */
export function checkGoogleResponse(response: unknown): GoogleGenerateContentResponse {
  if (!isWireObject(response))
    throw wireTypeError({ path: 'the response', expected: 'an object', value: response });
  const candidates = response.candidates;
  if (candidates !== undefined && candidates !== null) {
    if (!Array.isArray(candidates))
      throw wireTypeError({ path: 'candidates', expected: 'an array', value: candidates });
    const first = candidates[0];
    if (first !== undefined) checkCandidate(first);
  }
  const usage = response.usageMetadata;
  if (usage !== undefined && usage !== null && !isWireObject(usage)) {
    throw wireTypeError({ path: 'usageMetadata', expected: 'an object', value: usage });
  }
  return response as GoogleGenerateContentResponse;
}

function checkCandidate(candidate: unknown): GoogleCandidate {
  if (!isWireObject(candidate))
    throw wireTypeError({ path: 'candidates[0]', expected: 'an object', value: candidate });
  optionalString(candidate.finishReason, 'candidates[0].finishReason');
  const content = candidate.content;
  if (content === undefined || content === null) return candidate as GoogleCandidate;
  if (!isWireObject(content))
    throw wireTypeError({ path: 'candidates[0].content', expected: 'an object', value: content });
  const parts = content.parts;
  if (parts === undefined || parts === null) return candidate as GoogleCandidate;
  if (!Array.isArray(parts))
    throw wireTypeError({ path: 'candidates[0].content.parts', expected: 'an array', value: parts });
  parts.forEach((part, index) => {
    checkPart(part, `candidates[0].content.parts[${index}]`);
  });
  return candidate as GoogleCandidate;
}

function checkPart(part: unknown, path: string): GooglePart {
  if (!isWireObject(part)) throw wireTypeError({ path, expected: 'an object', value: part });
  optionalString(part.text, `${path}.text`);
  optionalString(part.thoughtSignature, `${path}.thoughtSignature`);
  const call = part.functionCall;
  if (call !== undefined && call !== null) {
    if (!isWireObject(call))
      throw wireTypeError({ path: `${path}.functionCall`, expected: 'an object', value: call });
    // Gemini 3's streamed arguments (`partialArgs`, `willContinue`) send the name only on the first piece.
    const continued = call.partialArgs !== undefined || call.willContinue !== undefined;
    if (typeof call.name !== 'string' && !(continued && call.name === undefined)) {
      throw wireTypeError({ path: `${path}.functionCall.name`, expected: 'a string', value: call.name });
    }
    optionalString(call.id, `${path}.functionCall.id`);
  }
  const inline = part.inlineData;
  if (inline !== undefined && inline !== null) {
    if (!isWireObject(inline))
      throw wireTypeError({ path: `${path}.inlineData`, expected: 'an object', value: inline });
    for (const field of ['mimeType', 'data']) {
      if (typeof inline[field] !== 'string') {
        throw wireTypeError({
          path: `${path}.inlineData.${field}`,
          expected: 'a string',
          value: inline[field],
        });
      }
    }
  }
  return part as GooglePart;
}

function optionalString(value: unknown, path: string): void {
  if (value !== undefined && value !== null && typeof value !== 'string') {
    throw wireTypeError({ path, expected: 'a string', value });
  }
}
