import { IncompleteStreamError } from '../../errors/incomplete-stream-error.js';
import { InvalidResponseError } from '../../errors/invalid-response-error.js';
import type { StreamPart } from '../../spec/stream-part.js';
import { wireTypeError } from '../shared/wire-type-error.js';
import type {
  AnthropicBlockDelta,
  AnthropicResponseBlock,
  AnthropicStreamEvent,
  AnthropicUsage,
} from './anthropic-api.js';
import { anthropicOptionsKey } from './anthropic-options.js';
import { readWebSearchResult } from './anthropic-web-search.js';
import { mapAnthropicStreamError } from './map-anthropic-error.js';
import { mapAnthropicFinishReason } from './map-anthropic-finish-reason.js';
import { mapAnthropicUsage, mergeAnthropicUsage } from './map-anthropic-usage.js';
import { checkAnthropicBlock, checkAnthropicDelta, readAnthropicUsage } from './read-anthropic-wire.js';

/** An open content block, by stream index. */
interface BlockState {
  block: AnthropicResponseBlock;
  /** Text and reasoning blocks use the index; tool blocks their call id. */
  id: string;
  /** Streamed `partial_json` pieces of a tool block, joined once at the end. */
  inputPieces: string[];
  signature: string | undefined;
}

/** Everything the Anthropic reducer remembers between events. */
export interface AnthropicStreamState {
  url: string;
  blocks: Map<number, BlockState>;
  usage: AnthropicUsage;
  stopReason: string | undefined;
  /** True after `message_start`: a second one inside the same message is malformed. */
  messageStarted: boolean;
  /** True once a terminal part (finish or error) was emitted. */
  ended: boolean;
}

/** A fresh reducer state for one stream. */
export function createAnthropicStreamState(url: string): AnthropicStreamState {
  return { url, blocks: new Map(), usage: {}, stopReason: undefined, messageStarted: false, ended: false };
}

type Reducer<T extends AnthropicStreamEvent['type']> = (
  state: AnthropicStreamState,
  event: Extract<AnthropicStreamEvent, { type: T }>,
  parts: StreamPart[],
  data: string,
) => void;

const reducers: { [T in AnthropicStreamEvent['type']]: Reducer<T> } = {
  message_start: (state, event, parts, data) => {
    if (state.messageStarted) {
      const message = 'a second message_start arrived inside an open message';
      endWithError(state, new InvalidResponseError({ message, data }), parts);
      return;
    }
    state.messageStarted = true;
    mergeUsage(state, event.message?.usage, 'message.usage');
  },
  content_block_start: reduceBlockStart,
  content_block_delta: reduceBlockDelta,
  content_block_stop: reduceBlockStop,
  message_delta: (state, event) => {
    const stopReason = event.delta?.stop_reason as unknown;
    if (stopReason !== undefined && stopReason !== null && typeof stopReason !== 'string') {
      throw wireTypeError({ path: 'delta.stop_reason', expected: 'a string', value: stopReason });
    }
    if (stopReason) state.stopReason = stopReason;
    mergeUsage(state, event.usage, 'usage');
  },
  message_stop: (state, _event, parts) => {
    // Anthropic always sends the stop reason in a message_delta before message_stop; without one the
    // message was cut short upstream, which a retry can fix.
    if (state.stopReason === undefined) {
      const message = 'the stream ended with message_stop but no stop reason';
      endWithError(state, new IncompleteStreamError({ message }), parts);
      return;
    }
    state.ended = true;
    parts.push({
      type: 'finish',
      finishReason: mapAnthropicFinishReason(state.stopReason),
      usage: mapAnthropicUsage(state.usage),
    });
  },
  ping: () => {},
  error: (state, event, parts, data) => {
    endWithError(state, mapAnthropicStreamError({ error: event.error, url: state.url, data }), parts);
  },
};

/**
 * Reduces one event (its `data` JSON) to stream parts, pushed onto `parts`. Unknown event types are
 * ignored; data that is not JSON ends the stream with an error part.
 */
export function reduceAnthropicEvent(state: AnthropicStreamState, data: string, parts: StreamPart[]): void {
  if (state.ended) return;
  let event: AnthropicStreamEvent;
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
  if (typeof event !== 'object' || event === null) {
    endWithError(state, new InvalidResponseError({ message: 'stream event is not an object', data }), parts);
    return;
  }
  if (!Object.hasOwn(reducers, event.type)) return;
  try {
    (reducers[event.type] as Reducer<typeof event.type>)(state, event, parts, data);
  } catch (error) {
    if (!InvalidResponseError.isInstance(error)) throw error;
    endWithError(state, new InvalidResponseError({ message: error.message, data, cause: error }), parts);
  }
}

/** Folds a usage report into the state, checking its counts as they arrive. */
function mergeUsage(state: AnthropicStreamState, usage: unknown, path: string): void {
  state.usage = mergeAnthropicUsage(state.usage, readAnthropicUsage(usage, path));
  mapAnthropicUsage(state.usage);
}

function reduceBlockStart(
  state: AnthropicStreamState,
  event: Extract<AnthropicStreamEvent, { type: 'content_block_start' }>,
  parts: StreamPart[],
): void {
  if (event.content_block === undefined || event.content_block === null) return;
  const block = checkAnthropicBlock(event.content_block, 'content_block');
  const isTool = block.type === 'tool_use' || block.type === 'server_tool_use';
  const id = isTool ? (block.id ?? String(event.index)) : String(event.index);
  state.blocks.set(event.index, { block, id, inputPieces: [], signature: block.signature || undefined });
  if (block.type === 'text') parts.push({ type: 'text-start', id });
  else if (block.type === 'thinking') parts.push({ type: 'reasoning-start', id });
  else if (block.type === 'redacted_thinking') {
    parts.push({ type: 'reasoning-start', id, providerMetadata: reasoningMetadata(block, undefined) });
  } else if (isTool) {
    parts.push({
      type: 'tool-input-start',
      id,
      toolName: block.name ?? '',
      ...(block.type === 'server_tool_use' ? { providerExecuted: true } : {}),
    });
  }
}

function reduceBlockDelta(
  state: AnthropicStreamState,
  event: Extract<AnthropicStreamEvent, { type: 'content_block_delta' }>,
  parts: StreamPart[],
): void {
  const open = state.blocks.get(event.index);
  if (open === undefined || event.delta === undefined || event.delta === null) return;
  const delta: AnthropicBlockDelta = checkAnthropicDelta(event.delta, 'delta');
  if (delta.type === 'text_delta' && delta.text) {
    parts.push({ type: 'text-delta', id: open.id, delta: delta.text });
  } else if (delta.type === 'thinking_delta' && delta.thinking) {
    parts.push({ type: 'reasoning-delta', id: open.id, delta: delta.thinking });
  } else if (delta.type === 'signature_delta' && delta.signature) {
    open.signature = (open.signature ?? '') + delta.signature;
    parts.push({
      type: 'reasoning-delta',
      id: open.id,
      delta: '',
      providerMetadata: { [anthropicOptionsKey]: { signature: open.signature } },
    });
  } else if (delta.type === 'input_json_delta' && delta.partial_json) {
    open.inputPieces.push(delta.partial_json);
    parts.push({ type: 'tool-input-delta', id: open.id, delta: delta.partial_json });
  }
}

function reduceBlockStop(
  state: AnthropicStreamState,
  event: Extract<AnthropicStreamEvent, { type: 'content_block_stop' }>,
  parts: StreamPart[],
): void {
  const open = state.blocks.get(event.index);
  if (open === undefined) return;
  state.blocks.delete(event.index);
  const { block, id } = open;
  switch (block.type) {
    case 'text':
      parts.push({ type: 'text-end', id });
      return;
    case 'thinking':
    case 'redacted_thinking':
      parts.push({ type: 'reasoning-end', id, providerMetadata: reasoningMetadata(block, open.signature) });
      return;
    case 'tool_use':
    case 'server_tool_use':
      endToolBlock(open, parts);
      return;
    case 'web_search_tool_result':
      endWebSearchResult(block, parts);
      return;
  }
}

function reasoningMetadata(block: AnthropicResponseBlock, signature: string | undefined) {
  if (block.type === 'redacted_thinking')
    return { [anthropicOptionsKey]: { redactedData: block.data ?? '' } };
  return { [anthropicOptionsKey]: { signature: signature ?? '' } };
}

/** The call's input is the streamed JSON, or the input the block started with (`{}`) when none streamed. */
function endToolBlock(open: BlockState, parts: StreamPart[]): void {
  const providerExecuted = open.block.type === 'server_tool_use' ? { providerExecuted: true } : {};
  const streamed = open.inputPieces.join('');
  parts.push({ type: 'tool-input-end', id: open.id });
  parts.push({
    type: 'tool-call',
    toolCallId: open.id,
    toolName: open.block.name ?? '',
    input: streamed === '' ? JSON.stringify(open.block.input ?? {}) : streamed,
    ...providerExecuted,
  });
}

function endWebSearchResult(block: AnthropicResponseBlock, parts: StreamPart[]): void {
  const { sources, metadata } = readWebSearchResult(block.content);
  parts.push(...sources);
  parts.push({
    type: 'tool-result',
    toolCallId: block.tool_use_id ?? '',
    toolName: 'web_search',
    providerExecuted: true,
    providerMetadata: { [anthropicOptionsKey]: { ...metadata } },
  });
}

/** Called when the body ends: a stream cut before `message_stop` ends with a retryable error. */
export function finishAnthropicStream(state: AnthropicStreamState, parts: StreamPart[]): void {
  if (state.ended) return;
  endWithError(
    state,
    new IncompleteStreamError({ message: 'stream ended before the message_stop event' }),
    parts,
  );
}

/** Ends the stream with an error part; nothing after it is emitted. */
export function endWithError(state: AnthropicStreamState, error: unknown, parts: StreamPart[]): void {
  state.ended = true;
  parts.push({ type: 'error', error });
}
