import { InvalidResponseError } from '../../errors/invalid-response-error.js';
import type { Content } from '../../spec/content.js';
import type { GenerateResponse } from '../../spec/generate-result.js';
import type { ProviderMetadata } from '../../spec/provider-options.js';
import { decodeBase64 } from '../shared/base64.js';
import { mapWireSafely } from '../shared/wire-type-error.js';
import type { GoogleCandidate, GoogleGenerateContentResponse, GooglePart } from './google-api.js';
import { mapCodeExecutionResult, mapExecutableCode } from './map-google-code-execution.js';
import { mapGoogleFinishReason } from './map-google-finish-reason.js';
import { mapGoogleGroundingSources } from './map-google-grounding.js';
import { mapGoogleUsage } from './map-google-usage.js';
import { checkGoogleResponse } from './read-google-wire.js';

/**
 * Maps a non-streamed `generateContent` answer (its first candidate). Thoughts become reasoning; a thought
 * signature on a text or function call part is kept on a reasoning part just before it (the preceding
 * reasoning when it has none, else an empty one), so the next request sends it back on the same part.
 * Function calls without an id get one from `generateId`.
 */
export function mapGoogleResponse(options: {
  response: GoogleGenerateContentResponse;
  generateId: () => string;
  responseHeaders: Record<string, string>;
}): Omit<GenerateResponse, 'warnings'> {
  return mapWireSafely(options.response, () => mapGoogleResponseUnsafe(options));
}

function mapGoogleResponseUnsafe(options: {
  response: GoogleGenerateContentResponse;
  generateId: () => string;
  responseHeaders: Record<string, string>;
}): Omit<GenerateResponse, 'warnings'> {
  const response = checkGoogleResponse(options.response);
  const candidate = firstCandidate(response);
  const content: Content[] = [];
  const code = { id: undefined as string | undefined };
  for (const part of candidate.content?.parts ?? []) mapPart(part, content, options.generateId, code);
  content.push(...mapGoogleGroundingSources(candidate.groundingMetadata));
  const hasToolCalls = content.some((part) => part.type === 'tool-call' && !part.providerExecuted);
  const blocked = response.candidates === undefined || response.candidates.length === 0;
  const metadata = googleResponseMetadata(response, candidate);
  return {
    content,
    finishReason: hasToolCalls
      ? 'tool-calls'
      : blocked
        ? 'content-filter'
        : mapGoogleFinishReason(candidate.finishReason),
    usage: mapGoogleUsage(response.usageMetadata),
    ...(metadata === undefined ? {} : { providerMetadata: metadata }),
    response: {
      ...(response.responseId ? { id: response.responseId } : {}),
      ...(response.modelVersion ? { modelId: response.modelVersion } : {}),
      headers: options.responseHeaders,
    },
  };
}

/** The first candidate; a prompt Gemini blocked has none and yields an empty one. */
function firstCandidate(response: GoogleGenerateContentResponse): GoogleCandidate {
  const candidate = response.candidates?.[0];
  if (candidate !== undefined) return candidate;
  if (response.promptFeedback?.blockReason !== undefined) return {};
  throw new InvalidResponseError({
    message: 'the response has no candidates',
    data: JSON.stringify(response),
  });
}

function mapPart(
  part: GooglePart,
  content: Content[],
  generateId: () => string,
  code: { id: string | undefined },
): void {
  if (part.text !== undefined && part.text !== '') {
    if (part.thought) {
      content.push({ type: 'reasoning', text: part.text, ...signatureMetadata(part.thoughtSignature) });
      return;
    }
    if (part.thoughtSignature) keepSignature(content, part.thoughtSignature);
    content.push({ type: 'text', text: part.text });
  } else if (part.functionCall !== undefined) {
    if (part.thoughtSignature) keepSignature(content, part.thoughtSignature);
    content.push({
      type: 'tool-call',
      toolCallId: part.functionCall.id || generateId(),
      toolName: part.functionCall.name,
      input: JSON.stringify(part.functionCall.args ?? {}),
    });
  } else if (part.executableCode !== undefined) {
    const call = mapExecutableCode(part, generateId());
    code.id = call.toolCallId;
    content.push(call);
  } else if (part.codeExecutionResult !== undefined) {
    content.push(mapCodeExecutionResult(part, code.id ?? generateId()));
    code.id = undefined;
  } else if (part.inlineData !== undefined) {
    content.push({
      type: 'file',
      mediaType: part.inlineData.mimeType,
      data: decodeBase64(part.inlineData.data, 'inlineData.data'),
    });
  }
}

/** Puts a signature on the reasoning right before the part it belongs to, adding an empty one if needed. */
function keepSignature(content: Content[], signature: string): void {
  const last = content.at(-1);
  if (last?.type === 'reasoning' && last.providerMetadata?.google === undefined) {
    last.providerMetadata = { ...last.providerMetadata, google: { thoughtSignature: signature } };
    return;
  }
  content.push({
    type: 'reasoning',
    text: '',
    providerMetadata: { google: { thoughtSignature: signature } },
  });
}

/** `providerMetadata` holding a thought signature, or nothing. */
export function signatureMetadata(signature: string | undefined): { providerMetadata?: ProviderMetadata } {
  return signature ? { providerMetadata: { google: { thoughtSignature: signature } } } : {};
}

/** Safety ratings, grounding and prompt feedback under `google`, when Gemini sent any. */
export function googleResponseMetadata(
  response: GoogleGenerateContentResponse,
  candidate: GoogleCandidate | undefined,
): ProviderMetadata | undefined {
  const google: Record<string, unknown> = {};
  if (response.promptFeedback !== undefined) google.promptFeedback = response.promptFeedback;
  if (candidate?.safetyRatings !== undefined) google.safetyRatings = candidate.safetyRatings;
  if (candidate?.groundingMetadata !== undefined) google.groundingMetadata = candidate.groundingMetadata;
  if (candidate?.urlContextMetadata !== undefined) google.urlContextMetadata = candidate.urlContextMetadata;
  return Object.keys(google).length === 0 ? undefined : { google };
}
