import { APICallError } from '../../errors/api-call-error.js';
import { IncompleteStreamError } from '../../errors/incomplete-stream-error.js';
import { InvalidResponseError } from '../../errors/invalid-response-error.js';
import type { FinishReason } from '../../spec/finish-reason.js';
import type { ProviderMetadata } from '../../spec/provider-options.js';
import type { StreamPart } from '../../spec/stream-part.js';
import { TextBuilder } from '../../text/text-builder.js';
import { isWireObject, typeName } from '../shared/wire-type-error.js';
import { mapOpenAIChatMetadata } from './map-openai-chat-metadata.js';
import { mapOpenAIChatUsage } from './map-openai-chat-usage.js';
import { mapOpenAIFinishReason } from './map-openai-finish-reason.js';
import { mapOpenAILogprobs, type OpenAILogprob } from './map-openai-logprobs.js';
import type { ChatCompletionChunk, ChatDelta, ChatToolCallDelta, ChatUsage } from './openai-chat-api.js';
import type { ChatReasoningStream } from './openai-chat-dialect.js';
import { readChatContent } from './read-chat-content.js';
import { readAnnotationSources, readPerplexitySources } from './read-chat-sources.js';
import { readChunkChoices, readToolCallDeltas } from './read-chat-wire.js';

/** Error types a provider may send inside a stream that are worth retrying. */
const transientErrorTypes = new Set([
  'server_error',
  'internal_error',
  'overloaded_error',
  'api_error',
  'rate_limit_error',
]);

interface ToolCallState {
  id: string;
  name: string;
  arguments: TextBuilder;
  finished: boolean;
}

/** Everything the chat-completions reducer remembers between chunks. */
export interface ChatStreamState {
  url: string;
  readReasoning: ((delta: ChatDelta) => string | undefined) | undefined;
  /** The dialect's reasoning reducer; when set it replaces `readReasoning`. */
  reasoningStream: ChatReasoningStream | undefined;
  mapProviderMetadata: ((chunk: ChatCompletionChunk) => ProviderMetadata | undefined) | undefined;
  /** The provider-metadata key of logprobs and prediction counts (the dialect's options key). */
  metadataKey: string;
  textOpen: boolean;
  reasoningOpen: boolean;
  /** Reasoning blocks opened so far; block ids are `reasoning-<n>`. */
  reasoningBlocks: number;
  /** Tool calls by stream index, in the order they started. */
  toolCalls: Map<number, ToolCallState>;
  finishReason: string | undefined;
  usage: ChatUsage | undefined;
  /** The last chunk that carried usage, for response-level metadata. */
  usageChunk: ChatCompletionChunk | undefined;
  /** Token log probabilities so far; undefined until a chunk carries some. */
  logprobs: OpenAILogprob[] | undefined;
  /** URLs of the sources emitted so far (services repeat them on every chunk). */
  sourceUrls: Set<string>;
  /** True once a terminal part (finish or error) was emitted. */
  ended: boolean;
}

/** A fresh reducer state for one stream. */
export function createChatStreamState(options: {
  url: string;
  readReasoning?: ((delta: ChatDelta) => string | undefined) | undefined;
  reasoningStream?: ChatReasoningStream | undefined;
  mapProviderMetadata?: ((chunk: ChatCompletionChunk) => ProviderMetadata | undefined) | undefined;
  /** @default 'openai' */
  metadataKey?: string;
}): ChatStreamState {
  return {
    url: options.url,
    readReasoning: options.readReasoning,
    reasoningStream: options.reasoningStream,
    mapProviderMetadata: options.mapProviderMetadata,
    metadataKey: options.metadataKey ?? 'openai',
    textOpen: false,
    reasoningOpen: false,
    reasoningBlocks: 0,
    toolCalls: new Map(),
    finishReason: undefined,
    usage: undefined,
    usageChunk: undefined,
    logprobs: undefined,
    sourceUrls: new Set(),
    ended: false,
  };
}

/**
 * Reduces one SSE event's data to stream parts, pushed onto `parts`. `[DONE]` is ignored (the end of the
 * body ends the stream); data that is not JSON, or JSON of the wrong shape, ends the stream with an
 * `InvalidResponseError` part.
 */
export function reduceChatEvent(state: ChatStreamState, data: string, parts: StreamPart[]): void {
  if (state.ended || data === '[DONE]') return;
  let chunk: ChatCompletionChunk;
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
  try {
    reduceChunk(state, chunk, data, parts);
  } catch (error) {
    if (!InvalidResponseError.isInstance(error)) throw error;
    endWithError(state, new InvalidResponseError({ message: error.message, data, cause: error }), parts);
  }
}

function reduceChunk(
  state: ChatStreamState,
  chunk: ChatCompletionChunk,
  data: string,
  parts: StreamPart[],
): void {
  if (!isWireObject(chunk)) {
    throw new InvalidResponseError({
      message: `stream event is ${typeName(chunk)}, expected an object`,
      data,
    });
  }
  if (chunk.error) {
    endWithError(state, streamError(state.url, chunk.error, data), parts);
    return;
  }
  if (chunk.usage) {
    mapOpenAIChatUsage(chunk.usage); // checks the counts now, so a malformed one fails at its event
    state.usage = chunk.usage;
    state.usageChunk = chunk;
  }
  if (chunk.citations !== undefined || chunk.search_results !== undefined) {
    pushNewSources(state, readPerplexitySources(chunk, state.metadataKey), parts);
  }
  readChunkChoices(chunk).forEach((choice, index) => {
    if (choice.delta) reduceDelta(state, choice.delta, `choices[${index}].delta`, parts);
    const logprobs = (choice as { logprobs?: { content?: unknown } | null }).logprobs;
    if (logprobs?.content) {
      const tokens = mapOpenAILogprobs(logprobs.content, `choices[${index}].logprobs.content`);
      state.logprobs = state.logprobs ? state.logprobs.concat(tokens) : tokens;
    }
    if (choice.finish_reason) state.finishReason = choice.finish_reason;
  });
}

function reduceDelta(state: ChatStreamState, delta: ChatDelta, path: string, parts: StreamPart[]): void {
  const content = readChatContent(delta.content, `${path}.content`);
  const toolCalls = readToolCallDeltas(delta, `${path}.tool_calls`);
  const text = content?.text ?? '';
  if (state.reasoningStream) state.reasoningStream.reduce(delta, parts);
  else reduceTextReasoning(state, { delta, content, hasToolCalls: toolCalls.length > 0 }, parts);
  if (text) {
    if (!state.textOpen) {
      state.textOpen = true;
      parts.push({ type: 'text-start', id: '0' });
    }
    parts.push({ type: 'text-delta', id: '0', delta: text });
  }
  for (const toolCall of toolCalls) reduceToolCallDelta(state, toolCall, parts);
  if (delta.annotations)
    pushNewSources(state, readAnnotationSources(delta.annotations, `${path}.annotations`), parts);
}

/** Emits the sources whose URL was not emitted yet. */
function pushNewSources(state: ChatStreamState, sources: StreamPart[], parts: StreamPart[]): void {
  for (const source of sources) {
    const url = (source as { url?: string }).url ?? '';
    if (state.sourceUrls.has(url)) continue;
    state.sourceUrls.add(url);
    parts.push(source);
  }
}

/**
 * Reasoning as plain text (`readReasoning`, or the `thinking` parts of array content): one block at a time,
 * ended when visible output begins.
 */
function reduceTextReasoning(
  state: ChatStreamState,
  delta: { delta: ChatDelta; content: ReturnType<typeof readChatContent>; hasToolCalls: boolean },
  parts: StreamPart[],
): void {
  const fieldReasoning = state.readReasoning?.(delta.delta);
  const partReasoning = delta.content?.hasReasoning ? delta.content.reasoning : undefined;
  const reasoning =
    fieldReasoning === undefined && partReasoning === undefined
      ? undefined
      : (fieldReasoning ?? '') + (partReasoning ?? '');
  // Reasoning ends when visible output begins; a chunk carrying reasoning keeps it open.
  if (state.reasoningOpen && !reasoning && (delta.content?.text || delta.hasToolCalls)) {
    closeReasoning(state, parts);
  }
  // An empty or null reasoning field opens a block only when the stream had none yet (Fantasy then echoes
  // an empty `reasoning_content`); after that it is noise, such as the `reasoning_content: null` some
  // services put on their last chunk.
  if (reasoning || (reasoning === '' && state.reasoningBlocks === 0)) {
    if (!state.reasoningOpen) {
      state.reasoningOpen = true;
      state.reasoningBlocks++;
      parts.push({ type: 'reasoning-start', id: reasoningId(state) });
    }
    if (reasoning) parts.push({ type: 'reasoning-delta', id: reasoningId(state), delta: reasoning });
  }
}

function reasoningId(state: ChatStreamState): string {
  return `reasoning-${state.reasoningBlocks - 1}`;
}

function closeReasoning(state: ChatStreamState, parts: StreamPart[]): void {
  state.reasoningOpen = false;
  parts.push({ type: 'reasoning-end', id: reasoningId(state) });
}

function reduceToolCallDelta(state: ChatStreamState, delta: ChatToolCallDelta, parts: StreamPart[]): void {
  const index = delta.index ?? state.toolCalls.size;
  const existing = state.toolCalls.get(index);
  const fragment = delta.function?.arguments ?? '';
  if (existing) {
    // Fantasy drops late fragments for calls already closed by a higher index.
    if (!existing.finished && fragment !== '') {
      existing.arguments.append(fragment);
      parts.push({ type: 'tool-input-delta', id: existing.id, delta: fragment });
    }
    return;
  }
  const name = delta.function?.name ?? '';
  if (name === '' && fragment === '') return;
  if (delta.type && delta.type !== 'function') {
    const error = new InvalidResponseError({
      message: `tool call of type ${delta.type} is not supported`,
      data: JSON.stringify(delta),
    });
    endWithError(state, error, parts);
    return;
  }
  closeText(state, parts);
  for (const [otherIndex, other] of state.toolCalls) if (otherIndex < index) closeToolCall(other, parts);
  const toolCall: ToolCallState = {
    id: delta.id || `tool-call-${index}`,
    name,
    arguments: new TextBuilder(fragment),
    finished: false,
  };
  state.toolCalls.set(index, toolCall);
  parts.push({ type: 'tool-input-start', id: toolCall.id, toolName: name });
  if (fragment !== '') parts.push({ type: 'tool-input-delta', id: toolCall.id, delta: fragment });
}

/** Ends a tool call's input and emits the call with its full input (`{}` when the model sent none). */
function closeToolCall(toolCall: ToolCallState, parts: StreamPart[]): void {
  if (toolCall.finished) return;
  toolCall.finished = true;
  parts.push({ type: 'tool-input-end', id: toolCall.id });
  parts.push({
    type: 'tool-call',
    toolCallId: toolCall.id,
    toolName: toolCall.name,
    input: toolCall.arguments.length === 0 ? '{}' : toolCall.arguments.toString(),
  });
}

function closeText(state: ChatStreamState, parts: StreamPart[]): void {
  if (!state.textOpen) return;
  state.textOpen = false;
  parts.push({ type: 'text-end', id: '0' });
}

/**
 * Called when the body ends: closes open blocks, emits pending tool calls in index order, then `finish`; a
 * stream that never said why it stopped (and made no tool call) ends with a retryable error instead.
 */
export function finishChatStream(state: ChatStreamState, parts: StreamPart[]): void {
  if (state.ended) return;
  if (state.reasoningOpen) closeReasoning(state, parts);
  state.reasoningStream?.finish(parts);
  closeText(state, parts);
  const indices = [...state.toolCalls.keys()].sort((left, right) => left - right);
  for (const index of indices) closeToolCall(state.toolCalls.get(index)!, parts);
  if (state.finishReason === undefined && state.toolCalls.size === 0) {
    endWithError(state, new IncompleteStreamError(), parts);
    return;
  }
  const finishReason: FinishReason =
    state.toolCalls.size > 0 ? 'tool-calls' : mapOpenAIFinishReason(state.finishReason);
  state.ended = true;
  const providerMetadata = mapOpenAIChatMetadata({
    key: state.metadataKey,
    usage: state.usage,
    logprobs: state.logprobs,
    dialectMetadata: state.usageChunk && state.mapProviderMetadata?.(state.usageChunk),
  });
  parts.push({
    type: 'finish',
    finishReason,
    usage: mapOpenAIChatUsage(state.usage),
    ...(providerMetadata ? { providerMetadata } : {}),
  });
}

/** Ends the stream with an error part; nothing after it is emitted. */
export function endWithError(state: ChatStreamState, error: unknown, parts: StreamPart[]): void {
  state.ended = true;
  parts.push({ type: 'error', error });
}

function streamError(
  url: string,
  error: NonNullable<ChatCompletionChunk['error']>,
  data: string,
): APICallError {
  const type =
    error.type ?? (error.code === undefined || error.code === null ? undefined : String(error.code));
  return new APICallError({
    message: error.message ?? data,
    url,
    title: 'stream error',
    responseBody: data,
    errorType: type,
    isRetryable: type !== undefined && transientErrorTypes.has(type),
  });
}
