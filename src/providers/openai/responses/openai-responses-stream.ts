import { IncompleteStreamError } from '../../../errors/incomplete-stream-error.js';
import { InvalidResponseError } from '../../../errors/invalid-response-error.js';
import type { StreamPart } from '../../../spec/stream-part.js';
import { TextBuilder } from '../../../text/text-builder.js';
import { mapOpenAILogprobs, type OpenAILogprob } from '../map-openai-logprobs.js';
import { mapOpenAIResponsesError } from './map-openai-responses-error.js';
import { mapOpenAIResponsesFinishReason } from './map-openai-responses-finish-reason.js';
import {
  mapOpenAIResponsesAnnotation,
  mapOpenAIWebSearchCall,
  reasoningMetadata,
  webSearchToolName,
} from './map-openai-responses-output.js';
import { expandParallelCall } from './map-openai-responses-special-items.js';
import { mapOpenAIResponsesUsage } from './map-openai-responses-usage.js';
import {
  mapToolSearchCall,
  mapToolSearchOutput,
  toolSearchCallId,
  toolSearchToolName,
} from './map-openai-tool-search-items.js';
import type { ResponsesOutputItem, ResponsesStreamEvent } from './openai-responses-api.js';
import {
  reducePartialImage,
  reduceUnknownItem,
  toolItemAddedReducers,
  toolItemDoneReducers,
} from './openai-responses-tool-stream.js';
import { checkResponsesEvent } from './read-responses-wire.js';

interface ToolCallState {
  id: string;
  name: string;
  /** Argument fragments, joined only if the done item lacks the full arguments. */
  fragments: TextBuilder;
}

interface ReasoningState {
  /** The item as `output_item.added` announced it (its encrypted content is the fallback). */
  added: ResponsesOutputItem;
  summaryParts: number;
}

/** Everything the Responses reducer remembers between events. */
export interface ResponsesStreamState {
  url: string;
  responseId: string | undefined;
  /** Function calls by output index. */
  toolCalls: Map<number, ToolCallState>;
  /** Reasoning items by item id. */
  reasonings: Map<string, ReasoningState>;
  /** Message items whose text block is open. */
  openTexts: Set<string>;
  /** The text block id of each message by output index: some gateways change item ids between events. */
  textIdsByIndex: Map<number, string>;
  /** Image formats of image generation calls, by item id, for their partial images. */
  imageFormats: Map<string, string>;
  /** Output items of types we do not know, for the finish metadata. */
  unknownItems: ResponsesOutputItem[];
  /** The pairing id of the last tool search call, for an output that names no `call_id`. */
  toolSearchCallId: string | undefined;
  hasFunctionCall: boolean;
  /** Token log probabilities of the output text, when `logprobs` was asked for. */
  logprobs: OpenAILogprob[] | undefined;
  /** The custom tools the call declared; `undefined` treats every custom tool call as ours. */
  customToolNames: ReadonlySet<string> | undefined;
  /** True once a terminal part (finish or error) was emitted. */
  ended: boolean;
}

/** A fresh reducer state for one stream. */
export function createResponsesStreamState(
  url: string,
  customToolNames?: ReadonlySet<string>,
): ResponsesStreamState {
  return {
    url,
    responseId: undefined,
    toolCalls: new Map(),
    reasonings: new Map(),
    openTexts: new Set(),
    textIdsByIndex: new Map(),
    imageFormats: new Map(),
    unknownItems: [],
    toolSearchCallId: undefined,
    hasFunctionCall: false,
    logprobs: undefined,
    customToolNames,
    ended: false,
  };
}

type Reducer = (state: ResponsesStreamState, event: ResponsesStreamEvent, parts: StreamPart[]) => void;

/**
 * Reduces one SSE event's data to stream parts, pushed onto `parts`. Events we do not need
 * (`response.in_progress`, `*.done` echoes, web search progress) are ignored; data that is not JSON ends the
 * stream with an error part.
 */
export function reduceResponsesEvent(state: ResponsesStreamState, data: string, parts: StreamPart[]): void {
  if (state.ended) return;
  let event: ResponsesStreamEvent;
  try {
    event = JSON.parse(data);
  } catch (cause) {
    endWithError(
      state,
      new InvalidResponseError({ message: 'stream event is not JSON', data, cause }),
      parts,
    );
    return;
  }
  try {
    const checked = checkResponsesEvent(event);
    eventReducers[checked.type ?? '']?.(state, checked, parts);
  } catch (error) {
    if (!InvalidResponseError.isInstance(error)) throw error;
    endWithError(state, new InvalidResponseError({ message: error.message, data, cause: error }), parts);
  }
}

const eventReducers: Record<string, Reducer> = {
  'response.created': (state, event) => {
    state.responseId = event.response?.id ?? state.responseId;
  },
  'response.output_item.added': (state, event, parts) => {
    if (event.item) itemAddedReducers[event.item.type ?? '']?.(state, event, event.item, parts);
  },
  'response.output_item.done': (state, event, parts) => {
    if (!event.item) return;
    const reducer = itemDoneReducers[event.item.type ?? ''];
    if (reducer) reducer(state, event, event.item, parts);
    else reduceUnknownItem(state, event.item, parts);
  },
  'response.image_generation_call.partial_image': reducePartialImage,
  // Open-weight servers (vLLM, LM Studio) stream the reasoning itself.
  'response.reasoning_text.delta': (state, event, parts) => {
    if (!event.delta) return;
    const id = event.item_id ?? '';
    if (!state.reasonings.has(id)) {
      state.reasonings.set(id, { added: { id, type: 'reasoning' }, summaryParts: 0 });
      parts.push({ type: 'reasoning-start', id, providerMetadata: reasoningMetadata({ id }, []) });
    }
    parts.push({ type: 'reasoning-delta', id, delta: event.delta });
  },
  'response.output_text.delta': reduceTextDelta,
  'response.output_text.annotation.added': (_state, event, parts) => {
    const source = event.annotation && mapOpenAIResponsesAnnotation(event.annotation);
    if (source) parts.push(source);
  },
  'response.function_call_arguments.delta': (state, event, parts) => {
    const toolCall = state.toolCalls.get(event.output_index ?? -1);
    if (toolCall === undefined || !event.delta) return;
    toolCall.fragments.append(event.delta);
    parts.push({ type: 'tool-input-delta', id: toolCall.id, delta: event.delta });
  },
  'response.reasoning_summary_part.added': (state, event, parts) => {
    const reasoning = state.reasonings.get(event.item_id ?? '');
    if (reasoning === undefined) return;
    // Summary parts are joined with "\n", as in non-streamed results.
    if (reasoning.summaryParts > 0)
      parts.push({ type: 'reasoning-delta', id: event.item_id ?? '', delta: '\n' });
    reasoning.summaryParts++;
  },
  'response.reasoning_summary_text.delta': (state, event, parts) => {
    if (!event.delta || !state.reasonings.has(event.item_id ?? '')) return;
    parts.push({ type: 'reasoning-delta', id: event.item_id ?? '', delta: event.delta });
  },
  'response.completed': reduceFinished,
  'response.incomplete': reduceFinished,
  'response.failed': (state, event, parts) => {
    const error = event.response?.error ?? { message: 'the response failed without an error message' };
    const title = 'response failed';
    const responseBody = JSON.stringify(event);
    endWithError(state, mapOpenAIResponsesError({ url: state.url, title, error, responseBody }), parts);
  },
  error: (state, event, parts) => {
    // OpenAI puts code and message at the top level; some gateways nest them under `error`.
    const error = {
      code: event.code ?? event.error?.code ?? null,
      message: event.message ?? event.error?.message ?? null,
    };
    const title = 'response error';
    const responseBody = JSON.stringify(event);
    endWithError(state, mapOpenAIResponsesError({ url: state.url, title, error, responseBody }), parts);
  },
};

type ItemReducer = (
  state: ResponsesStreamState,
  event: ResponsesStreamEvent,
  item: ResponsesOutputItem,
  parts: StreamPart[],
) => void;

const itemAddedReducers: Record<string, ItemReducer> = {
  ...toolItemAddedReducers,
  message: (state, event, item, parts) => {
    const id = item.id ?? '';
    if (event.output_index !== undefined) state.textIdsByIndex.set(event.output_index, id);
    openText(state, id, parts);
  },
  function_call: (state, event, item, parts) => {
    const toolCall = { id: item.call_id ?? '', name: item.name ?? '', fragments: new TextBuilder() };
    state.toolCalls.set(event.output_index ?? -1, toolCall);
    parts.push({ type: 'tool-input-start', id: toolCall.id, toolName: toolCall.name });
  },
  tool_search_call: (_state, _event, item, parts) => {
    parts.push({
      type: 'tool-input-start',
      id: toolSearchCallId(item),
      toolName: toolSearchToolName,
      providerExecuted: true,
    });
  },
  tool_search_output: () => {},
  web_search_call: (_state, _event, item, parts) => {
    parts.push({
      type: 'tool-input-start',
      id: item.id ?? '',
      toolName: webSearchToolName,
      providerExecuted: true,
    });
  },
  reasoning: (state, _event, item, parts) => {
    const id = item.id ?? '';
    state.reasonings.set(id, { added: item, summaryParts: 0 });
    parts.push({ type: 'reasoning-start', id, providerMetadata: reasoningMetadata(item, []) });
  },
};

const itemDoneReducers: Record<string, ItemReducer> = {
  ...toolItemDoneReducers,
  message: (state, event, item, parts) => {
    const id = textIdOf(state, event, item.id);
    state.textIdsByIndex.delete(event.output_index ?? -1);
    if (state.openTexts.delete(id)) parts.push({ type: 'text-end', id });
  },
  function_call: (state, event, item, parts) => {
    const toolCall = state.toolCalls.get(event.output_index ?? -1);
    if (toolCall === undefined) return;
    state.toolCalls.delete(event.output_index ?? -1);
    state.hasFunctionCall = true;
    closeToolCall(toolCall, item.arguments, parts);
  },
  tool_search_call: (state, _event, item, parts) => {
    state.toolSearchCallId = toolSearchCallId(item);
    parts.push({ type: 'tool-input-end', id: state.toolSearchCallId });
    parts.push(mapToolSearchCall(item));
  },
  tool_search_output: (state, _event, item, parts) => {
    parts.push(mapToolSearchOutput(item, state.toolSearchCallId));
  },
  web_search_call: (_state, _event, item, parts) => {
    parts.push({ type: 'tool-input-end', id: item.id ?? '' });
    parts.push(...mapOpenAIWebSearchCall(item));
  },
  reasoning: (state, _event, item, parts) => {
    const id = item.id ?? '';
    const reasoning = state.reasonings.get(id);
    if (reasoning === undefined) return;
    state.reasonings.delete(id);
    parts.push({
      type: 'reasoning-end',
      id,
      providerMetadata: finalReasoningMetadata(reasoning.added, item),
    });
  },
};

/** The done item is authoritative; the added item's encrypted content is kept if the done one lacks it. */
function finalReasoningMetadata(added: ResponsesOutputItem, done: ResponsesOutputItem) {
  const summary = (done.summary ?? []).map((part) => part.text ?? '');
  const encrypted_content = done.encrypted_content || added.encrypted_content || null;
  return reasoningMetadata({ ...done, id: done.id ?? added.id ?? '', encrypted_content }, summary);
}

function reduceTextDelta(
  state: ResponsesStreamState,
  event: ResponsesStreamEvent,
  parts: StreamPart[],
): void {
  if (event.logprobs) {
    const tokens = mapOpenAILogprobs(event.logprobs, 'logprobs');
    state.logprobs = state.logprobs ? state.logprobs.concat(tokens) : tokens;
  }
  if (!event.delta) return;
  const id = textIdOf(state, event, event.item_id);
  openText(state, id, parts);
  parts.push({ type: 'text-delta', id, delta: event.delta });
}

/** The open text block of the event's output index, whatever item id the event names, else that id. */
function textIdOf(
  state: ResponsesStreamState,
  event: ResponsesStreamEvent,
  itemId: string | undefined,
): string {
  return state.textIdsByIndex.get(event.output_index ?? -1) ?? itemId ?? '';
}

function openText(state: ResponsesStreamState, id: string, parts: StreamPart[]): void {
  if (state.openTexts.has(id)) return;
  state.openTexts.add(id);
  parts.push({ type: 'text-start', id });
}

function closeToolCall(
  toolCall: ToolCallState,
  fullArguments: string | undefined,
  parts: StreamPart[],
): void {
  const input = fullArguments || toolCall.fragments.toString() || '{}';
  parts.push({ type: 'tool-input-end', id: toolCall.id });
  const calls = expandParallelCall({
    type: 'tool-call',
    toolCallId: toolCall.id,
    toolName: toolCall.name,
    input,
  });
  if (calls.length === 1) {
    parts.push(calls[0]!);
    return;
  }
  // The parallel wrapper's block closed above; each call it held gets a block of its own.
  for (const call of calls) {
    parts.push({ type: 'tool-input-start', id: call.toolCallId, toolName: call.toolName });
    parts.push({ type: 'tool-input-delta', id: call.toolCallId, delta: call.input });
    parts.push({ type: 'tool-input-end', id: call.toolCallId });
    parts.push(call);
  }
}

/** `response.completed` and `response.incomplete`: close what is open, then `finish` with the real reason. */
function reduceFinished(state: ResponsesStreamState, event: ResponsesStreamEvent, parts: StreamPart[]): void {
  const response = event.response ?? {};
  for (const id of state.openTexts) parts.push({ type: 'text-end', id });
  for (const id of state.reasonings.keys()) parts.push({ type: 'reasoning-end', id });
  for (const toolCall of state.toolCalls.values()) {
    state.hasFunctionCall = true;
    closeToolCall(toolCall, undefined, parts);
  }
  const responseId = response.id ?? state.responseId;
  const usage = mapOpenAIResponsesUsage(response.usage);
  const metadata = {
    ...(responseId ? { responseId } : {}),
    ...(state.logprobs ? { logprobs: state.logprobs } : {}),
    ...(state.unknownItems.length > 0 ? { unknownItems: state.unknownItems } : {}),
  };
  state.ended = true;
  parts.push({
    type: 'finish',
    finishReason: mapOpenAIResponsesFinishReason(response.incomplete_details?.reason, state.hasFunctionCall),
    usage,
    ...(Object.keys(metadata).length > 0 ? { providerMetadata: { openai: metadata } } : {}),
  });
}

/** Called when the body ends: a stream without `response.completed` (or another terminal event) is an error. */
export function finishResponsesStream(state: ResponsesStreamState, parts: StreamPart[]): void {
  if (state.ended) return;
  endWithError(state, new IncompleteStreamError(), parts);
}

/** Ends the stream with an error part; nothing after it is emitted. */
export function endWithError(state: ResponsesStreamState, error: unknown, parts: StreamPart[]): void {
  state.ended = true;
  parts.push({ type: 'error', error });
}
