import { IncompleteStreamError } from '../../errors/incomplete-stream-error.js';
import { InvalidResponseError } from '../../errors/invalid-response-error.js';
import type { FinishReason } from '../../spec/finish-reason.js';
import type { ProviderMetadata } from '../../spec/provider-options.js';
import type { StreamPart } from '../../spec/stream-part.js';
import { decodeBase64 } from '../shared/base64.js';
import { isWireObject } from '../shared/wire-type-error.js';
import { applyPartialArgs, type StreamedFunctionCall } from './assemble-google-function-call.js';
import type { GoogleGenerateContentResponse, GooglePart, GoogleUsageMetadata } from './google-api.js';
import { mapCodeExecutionResult, mapExecutableCode } from './map-google-code-execution.js';
import { mapGoogleFinishReason } from './map-google-finish-reason.js';
import { mapGoogleGroundingSources } from './map-google-grounding.js';
import { googleResponseMetadata, signatureMetadata } from './map-google-response.js';
import { mapGoogleUsage } from './map-google-usage.js';
import { googleStreamError } from './parse-google-error-body.js';
import { checkGoogleResponse } from './read-google-wire.js';

/** Everything the Gemini stream reducer remembers between events. */
export interface GoogleStreamState {
  url: string;
  generateId: () => string;
  /** Block ids are a counter shared by text and reasoning blocks: "0", "1", ... */
  nextBlockId: number;
  /** The id of the open text block. */
  textId: string | undefined;
  /** The open reasoning block and the signature seen on its thoughts, if any. */
  reasoning: { id: string; signature: string | undefined } | undefined;
  hasToolCalls: boolean;
  finishReason: string | undefined;
  /** Gemini blocked the prompt: no candidate will come. */
  blocked: boolean;
  /** The latest usage: Gemini's counts are running totals, so the last one is the answer's. */
  usage: GoogleUsageMetadata | undefined;
  providerMetadata: ProviderMetadata | undefined;
  /** Grounding sources already emitted (grounding metadata repeats across chunks). */
  sourceIds: Set<string>;
  /** The id of the last code execution call, for its result. */
  codeId: string | undefined;
  /** A function call whose arguments are still streaming (`partialArgs`). */
  streamedCall: StreamedFunctionCall | undefined;
  /** True once a terminal part (finish or error) was emitted. */
  ended: boolean;
}

/** A fresh reducer state for one stream. */
export function createGoogleStreamState(options: {
  url: string;
  generateId: () => string;
}): GoogleStreamState {
  return {
    url: options.url,
    generateId: options.generateId,
    nextBlockId: 0,
    textId: undefined,
    reasoning: undefined,
    hasToolCalls: false,
    finishReason: undefined,
    blocked: false,
    usage: undefined,
    providerMetadata: undefined,
    sourceIds: new Set(),
    codeId: undefined,
    streamedCall: undefined,
    ended: false,
  };
}

/**
 * Reduces one SSE event (a whole `GenerateContentResponse`) to stream parts, pushed onto `parts`. Data that
 * is not JSON, or an in-band `error`, ends the stream with an error part.
 */
export function reduceGoogleEvent(state: GoogleStreamState, data: string, parts: StreamPart[]): void {
  if (state.ended) return;
  let chunk: GoogleGenerateContentResponse;
  try {
    chunk = JSON.parse(data);
  } catch (cause) {
    endWithError(
      state,
      new InvalidResponseError({ message: 'stream event is not JSON', data, cause }),
      parts,
    );
    return;
  }
  if (isWireObject(chunk) && chunk.error) {
    endWithError(state, googleStreamError({ url: state.url, error: chunk.error, data }), parts);
    return;
  }
  try {
    reduceChunk(state, checkGoogleResponse(chunk), parts);
  } catch (error) {
    if (!InvalidResponseError.isInstance(error)) throw error;
    endWithError(state, new InvalidResponseError({ message: error.message, data, cause: error }), parts);
  }
}

function reduceChunk(
  state: GoogleStreamState,
  chunk: GoogleGenerateContentResponse,
  parts: StreamPart[],
): void {
  const candidate = chunk.candidates?.[0];
  for (const part of candidate?.content?.parts ?? []) reducePart(state, part, parts);
  if (chunk.usageMetadata?.totalTokenCount) {
    mapGoogleUsage(chunk.usageMetadata); // checks the counts now, so a malformed one fails at its event
    state.usage = chunk.usageMetadata;
  }
    if (candidate?.groundingMetadata) reduceGrounding(state, candidate.groundingMetadata, parts);
  if (candidate?.finishReason) state.finishReason = candidate.finishReason;
  if (candidate === undefined && chunk.promptFeedback?.blockReason !== undefined) state.blocked = true;
  const metadata = googleResponseMetadata(chunk, candidate);
  if (metadata !== undefined)
    state.providerMetadata = { google: { ...state.providerMetadata?.google, ...metadata.google } };
}

function reducePart(state: GoogleStreamState, part: GooglePart, parts: StreamPart[]): void {
  if (part.text !== undefined && part.text !== '') {
    if (part.thought) reduceThought(state, part.text, part.thoughtSignature, parts);
    else reduceText(state, part.text, part.thoughtSignature, parts);
  } else if (part.functionCall !== undefined) {
    if (isStreamedCall(state, part)) reduceStreamedCall(state, part, parts);
    else {
      finishStreamedCall(state, parts);
      reduceFunctionCall(state, part, parts);
    }
  } else if (part.executableCode !== undefined) {
    closeText(state, parts);
    endReasoning(state, undefined, parts);
    const call = mapExecutableCode(part, state.generateId());
    state.codeId = call.toolCallId;
    parts.push({
      type: 'tool-input-start',
      id: call.toolCallId,
      toolName: call.toolName,
      providerExecuted: true,
    });
    parts.push({ type: 'tool-input-delta', id: call.toolCallId, delta: call.input });
    parts.push({ type: 'tool-input-end', id: call.toolCallId });
    parts.push(call);
  } else if (part.codeExecutionResult !== undefined) {
    parts.push(mapCodeExecutionResult(part, state.codeId ?? state.generateId()));
    state.codeId = undefined;
  } else if (part.inlineData !== undefined) {
    closeText(state, parts);
    parts.push({
      type: 'file',
      mediaType: part.inlineData.mimeType,
      data: decodeBase64(part.inlineData.data, 'inlineData.data'),
    });
  }
  // Empty text (Gemini 3 ends streams with `{"text":"","thoughtSignature":…}`) is dropped, as Fantasy does.
}

function reduceThought(
  state: GoogleStreamState,
  text: string,
  signature: string | undefined,
  parts: StreamPart[],
): void {
  closeText(state, parts);
  if (state.reasoning === undefined) {
    state.reasoning = { id: String(state.nextBlockId++), signature: undefined };
    parts.push({ type: 'reasoning-start', id: state.reasoning.id });
  }
  if (signature) state.reasoning.signature = signature;
  parts.push({ type: 'reasoning-delta', id: state.reasoning.id, delta: text });
}

function reduceText(
  state: GoogleStreamState,
  text: string,
  signature: string | undefined,
  parts: StreamPart[],
): void {
  endReasoning(state, signature, parts);
  if (state.textId === undefined) {
    state.textId = String(state.nextBlockId++);
    parts.push({ type: 'text-start', id: state.textId });
  }
  parts.push({ type: 'text-delta', id: state.textId, delta: text });
}

/** Gemini sends a call whole: one input delta with the full arguments, then the call. */
function reduceFunctionCall(state: GoogleStreamState, part: GooglePart, parts: StreamPart[]): void {
  const call = part.functionCall!;
  closeText(state, parts);
  endReasoning(state, part.thoughtSignature, parts);
  const id = call.id || state.generateId();
  const input = JSON.stringify(call.args ?? {});
  state.hasToolCalls = true;
  parts.push({ type: 'tool-input-start', id, toolName: call.name });
  parts.push({ type: 'tool-input-delta', id, delta: input });
  parts.push({ type: 'tool-input-end', id });
  parts.push({ type: 'tool-call', toolCallId: id, toolName: call.name, input });
}

/** A piece of a call whose arguments stream (or the end of one): `partialArgs`, `willContinue`, or more of the open call. */
function isStreamedCall(state: GoogleStreamState, part: GooglePart): boolean {
  const call = part.functionCall!;
  if (call.partialArgs !== undefined || call.willContinue === true) return true;
  return state.streamedCall !== undefined && call.args === undefined;
}

/** Gathers a streamed call's pieces into one call, emitted when a piece no longer says `willContinue`. */
function reduceStreamedCall(state: GoogleStreamState, part: GooglePart, parts: StreamPart[]): void {
  const call = part.functionCall!;
  let pending = state.streamedCall;
  if (pending === undefined) {
    closeText(state, parts);
    endReasoning(state, part.thoughtSignature, parts);
    pending = {
      id: call.id || state.generateId(),
      name: call.name ?? '',
      args: { ...call.args },
      openPaths: new Set(),
    };
    state.streamedCall = pending;
    parts.push({ type: 'tool-input-start', id: pending.id, toolName: pending.name });
  } else if (!pending.name && call.name) pending.name = call.name;
  applyPartialArgs(pending, call.partialArgs ?? []);
  if (call.willContinue !== true) finishStreamedCall(state, parts);
}

function finishStreamedCall(state: GoogleStreamState, parts: StreamPart[]): void {
  const pending = state.streamedCall;
  if (pending === undefined) return;
  state.streamedCall = undefined;
  state.hasToolCalls = true;
  const input = JSON.stringify(pending.args);
  parts.push({ type: 'tool-input-delta', id: pending.id, delta: input });
  parts.push({ type: 'tool-input-end', id: pending.id });
  parts.push({ type: 'tool-call', toolCallId: pending.id, toolName: pending.name, input });
}

/** New grounding sources of a chunk. */
function reduceGrounding(
  state: GoogleStreamState,
  metadata: NonNullable<GoogleGenerateContentResponse['candidates']>[number]['groundingMetadata'],
  parts: StreamPart[],
): void {
  for (const source of mapGoogleGroundingSources(metadata)) {
    if (state.sourceIds.has(source.id)) continue;
    state.sourceIds.add(source.id);
    parts.push(source);
  }
}

/**
 * Ends the open reasoning block, carrying the signature that arrived with the part after it (or with its own
 * thoughts). With no reasoning open, a signature still gets an empty reasoning block, so it reaches the next
 * request on the part it came with.
 */
function endReasoning(state: GoogleStreamState, signature: string | undefined, parts: StreamPart[]): void {
  const reasoning = state.reasoning;
  if (reasoning !== undefined) {
    state.reasoning = undefined;
    parts.push({
      type: 'reasoning-end',
      id: reasoning.id,
      ...signatureMetadata(signature || reasoning.signature),
    });
    return;
  }
  if (!signature) return;
  const id = String(state.nextBlockId++);
  parts.push({ type: 'reasoning-start', id });
  parts.push({ type: 'reasoning-end', id, ...signatureMetadata(signature) });
}

function closeText(state: GoogleStreamState, parts: StreamPart[]): void {
  if (state.textId === undefined) return;
  parts.push({ type: 'text-end', id: state.textId });
  state.textId = undefined;
}

/**
 * Called when the body ends: closes open blocks, then `finish`. A stream that never said why it stopped (and
 * made no tool call) ends with a retryable `IncompleteStreamError` instead.
 */
export function finishGoogleStream(state: GoogleStreamState, parts: StreamPart[]): void {
  if (state.ended) return;
  finishStreamedCall(state, parts);
  closeText(state, parts);
  endReasoning(state, undefined, parts);
  if (!state.hasToolCalls && state.finishReason === undefined && !state.blocked) {
    endWithError(state, new IncompleteStreamError(), parts);
    return;
  }
  const finishReason: FinishReason = state.hasToolCalls
    ? 'tool-calls'
    : state.finishReason === undefined
      ? 'content-filter'
      : mapGoogleFinishReason(state.finishReason);
  state.ended = true;
  parts.push({
    type: 'finish',
    finishReason,
    usage: mapGoogleUsage(state.usage),
    ...(state.providerMetadata === undefined ? {} : { providerMetadata: state.providerMetadata }),
  });
}

/** Ends the stream with an error part; nothing after it is emitted. */
export function endWithError(state: GoogleStreamState, error: unknown, parts: StreamPart[]): void {
  state.ended = true;
  parts.push({ type: 'error', error });
}
