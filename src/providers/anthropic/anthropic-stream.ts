import { IncompleteStreamError } from '../../errors/incomplete-stream-error.js';
import { InvalidResponseError } from '../../errors/invalid-response-error.js';
import type { StreamPart } from '../../spec/stream-part.js';
import { TextBuilder } from '../../text/text-builder.js';
import { wireTypeError } from '../shared/wire-type-error.js';
import type {
  AnthropicBlockDelta,
  AnthropicResponseBlock,
  AnthropicStreamEvent,
  AnthropicUsage,
} from './anthropic-api.js';
import { anthropicOptionsKey } from './anthropic-options.js';
import {
  endServerBlock,
  reduceServerDelta,
  serverFinishMetadata,
  startServerBlock,
} from './anthropic-stream-server-blocks.js';
import { mapAnthropicStreamError } from './map-anthropic-error.js';
import { mapAnthropicFinishReason } from './map-anthropic-finish-reason.js';
import { citationsMetadata, mapToolCallBlock } from './map-anthropic-server-blocks.js';
import { mapAnthropicUsage, mergeAnthropicUsage } from './map-anthropic-usage.js';
import { checkAnthropicBlock, checkAnthropicDelta, readAnthropicUsage } from './read-anthropic-wire.js';
import { sumAnthropicIterations } from './sum-anthropic-iterations.js';

/** An open content block, by stream index. */
export interface BlockState {
  block: AnthropicResponseBlock;
  /** Text and reasoning blocks use the index; tool blocks their call id. */
  id: string;
  /** Streamed `partial_json` pieces of a tool block, joined once at the end. */
  inputPieces: TextBuilder;
  signature: string | undefined;
  /** The citations a text block received in `citations_delta`s, for its `text-end` metadata. */
  citations: unknown[];
}

/** Everything the Anthropic reducer remembers between events. */
export interface AnthropicStreamState {
  url: string;
  blocks: Map<number, BlockState>;
  usage: AnthropicUsage;
  stopReason: string | undefined;
  /** True after `message_start`: a second one inside the same message is malformed. */
  messageStarted: boolean;
  /** Tool names by call id, for naming server tool results. */
  toolNames: Map<string, string>;
  containerId: string | undefined;
  /** The container as the stream last reported it (`id`, `expires_at`), for the finish metadata. */
  container: Record<string, unknown> | undefined;
  /** Blocks of types we do not know, reported at the end in the finish metadata. */
  unknownBlocks: AnthropicResponseBlock[];
  /** True once a terminal part (finish or error) was emitted. */
  ended: boolean;
}

/** A fresh reducer state for one stream. */
export function createAnthropicStreamState(url: string): AnthropicStreamState {
  return {
    url,
    blocks: new Map(),
    usage: {},
    stopReason: undefined,
    messageStarted: false,
    toolNames: new Map(),
    containerId: undefined,
    container: undefined,
    unknownBlocks: [],
    ended: false,
  };
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
    noteContainer(state, event.message?.container);
    if (typeof event.message?.stop_reason === 'string') state.stopReason = event.message.stop_reason;
    // Programmatic tool calling: client tool_use blocks can arrive whole inside message_start.
    reduceMessageStartContent(state, event.message?.content, parts);
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
    noteContainer(state, event.delta?.container);
    mergeUsage(state, event.usage, 'usage');
    if (Array.isArray(event.usage?.iterations)) state.usage.iterations = event.usage.iterations;
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
    const metadata = serverFinishMetadata(state);
    parts.push({
      type: 'finish',
      finishReason: mapAnthropicFinishReason(state.stopReason),
      usage: mapAnthropicUsage(sumAnthropicIterations(state.usage)),
      ...(metadata === undefined ? {} : { providerMetadata: { [anthropicOptionsKey]: metadata } }),
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

/** Remembers the code execution container, as received, when the event names one. */
function noteContainer(state: AnthropicStreamState, container: { id?: string } | null | undefined): void {
  if (!container?.id) return;
  state.containerId = container.id;
  state.container = { ...container };
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
  startBlock(state, event.index, block, parts);
}

/** Opens a block: text, reasoning and tool input start parts; server blocks are handled apart. */
export function startBlock(
  state: AnthropicStreamState,
  index: number,
  block: AnthropicResponseBlock,
  parts: StreamPart[],
): void {
  const isTool = isToolBlock(block.type);
  const id = isTool ? (block.id ?? String(index)) : String(index);
  state.blocks.set(index, {
    block,
    id,
    inputPieces: new TextBuilder(),
    signature: block.signature || undefined,
    citations: Array.isArray(block.citations) ? [...block.citations] : [],
  });
  if (isTool) state.toolNames.set(id, block.name ?? '');
  if (block.type === 'text') parts.push({ type: 'text-start', id });
  else if (block.type === 'thinking') parts.push({ type: 'reasoning-start', id });
  else if (block.type === 'redacted_thinking') {
    parts.push({ type: 'reasoning-start', id, providerMetadata: reasoningMetadata(block, undefined) });
  } else if (isTool) {
    parts.push({
      type: 'tool-input-start',
      id,
      toolName: block.name ?? '',
      ...(block.type === 'tool_use' ? {} : { providerExecuted: true }),
    });
  } else startServerBlock(state, id, block, parts);
}

/** Blocks that come whole inside `message_start` are opened and closed at once, in order. */
function reduceMessageStartContent(
  state: AnthropicStreamState,
  content: AnthropicResponseBlock[] | undefined,
  parts: StreamPart[],
): void {
  if (!Array.isArray(content)) return;
  content.forEach((block, index) => {
    if (typeof block !== 'object' || block === null) return;
    startBlock(state, index, checkAnthropicBlock(block, `message.content[${index}]`), parts);
    const open = state.blocks.get(index);
    if (open === undefined) return;
    state.blocks.delete(index);
    if (block.type === 'text' && block.text)
      parts.push({ type: 'text-delta', id: open.id, delta: block.text });
    stopBlock(state, open, parts);
  });
}

function isToolBlock(type: string): boolean {
  return type === 'tool_use' || type === 'server_tool_use' || type === 'mcp_tool_use';
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
    open.inputPieces.append(delta.partial_json);
    parts.push({ type: 'tool-input-delta', id: open.id, delta: delta.partial_json });
  } else reduceServerDelta(open, delta, parts);
}

function reduceBlockStop(
  state: AnthropicStreamState,
  event: Extract<AnthropicStreamEvent, { type: 'content_block_stop' }>,
  parts: StreamPart[],
): void {
  const open = state.blocks.get(event.index);
  if (open === undefined) return;
  state.blocks.delete(event.index);
  stopBlock(state, open, parts);
}

/** Closes a block: its end parts, the tool call with its full input, or the server block it was. */
export function stopBlock(state: AnthropicStreamState, open: BlockState, parts: StreamPart[]): void {
  const { block, id } = open;
  switch (block.type) {
    case 'text':
      parts.push({ type: 'text-end', id, ...citationsMetadata(open.citations) });
      return;
    case 'thinking':
    case 'redacted_thinking':
      parts.push({ type: 'reasoning-end', id, providerMetadata: reasoningMetadata(block, open.signature) });
      return;
    case 'tool_use':
    case 'server_tool_use':
    case 'mcp_tool_use':
      endToolBlock(state, open, parts);
      return;
    default:
      endServerBlock(state, open, parts);
  }
}

function reasoningMetadata(block: AnthropicResponseBlock, signature: string | undefined) {
  if (block.type === 'redacted_thinking')
    return { [anthropicOptionsKey]: { redactedData: block.data ?? '' } };
  return { [anthropicOptionsKey]: { signature: signature ?? '' } };
}

/** The call's input is the streamed JSON, or the input the block started with (`{}`) when none streamed. */
function endToolBlock(state: AnthropicStreamState, open: BlockState, parts: StreamPart[]): void {
  const streamed = open.inputPieces.toString();
  const input = streamed === '' ? JSON.stringify(open.block.input ?? {}) : streamed;
  parts.push({ type: 'tool-input-end', id: open.id });
  parts.push(mapToolCallBlock({ ...open.block, id: open.id }, input, state));
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
