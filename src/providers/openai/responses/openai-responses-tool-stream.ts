import type { StreamPart } from '../../../spec/stream-part.js';
import { decodeBase64 } from '../../shared/base64.js';
import {
  mapApprovalRequest,
  mapCompaction,
  unknownItemWarning,
} from './map-openai-responses-special-items.js';
import {
  clientItems,
  hostedItems,
  isServerCustomCall,
  mapClientItem,
  mapHostedItem,
} from './map-openai-responses-tool-items.js';
import type { ResponsesOutputItem, ResponsesStreamEvent } from './openai-responses-api.js';
import type { ResponsesStreamState } from './openai-responses-stream.js';

type ItemReducer = (
  state: ResponsesStreamState,
  event: ResponsesStreamEvent,
  item: ResponsesOutputItem,
  parts: StreamPart[],
) => void;

/**
 * `output_item.added` for tool items: a tool input block opens (provider-executed for hosted tools). Inputs
 * are not streamed as deltas (code, patches and custom text are not the call's JSON input); the whole input
 * comes with the done item.
 */
export const toolItemAddedReducers: Record<string, ItemReducer> = {
  ...Object.fromEntries(
    Object.entries(hostedItems).map(([type, hosted]): [string, ItemReducer] => [
      type,
      (_state, _event, item, parts) => {
        parts.push({
          type: 'tool-input-start',
          id: item.id ?? '',
          toolName: hosted.toolName(item),
          providerExecuted: true,
        });
      },
    ]),
  ),
  ...Object.fromEntries(
    Object.entries(clientItems).map(([type, client]): [string, ItemReducer] => [
      type,
      (state, _event, item, parts) => {
        const server = isServerCustomCall(item, state.customToolNames);
        parts.push({
          type: 'tool-input-start',
          id: item.call_id ?? item.id ?? '',
          toolName: client.toolName(item),
          ...(server ? { providerExecuted: true } : {}),
        });
      },
    ]),
  ),
  image_generation_call: (state, _event, item, parts) => {
    state.imageFormats.set(item.id ?? '', item.output_format ?? 'png');
    parts.push({
      type: 'tool-input-start',
      id: item.id ?? '',
      toolName: 'image_generation',
      providerExecuted: true,
    });
  },
};

/** `output_item.done` for tool items: the call (and, for hosted tools, its result) in full. */
export const toolItemDoneReducers: Record<string, ItemReducer> = {
  ...Object.fromEntries(
    Object.keys(hostedItems).map((type): [string, ItemReducer] => [
      type,
      (_state, _event, item, parts) => {
        parts.push({ type: 'tool-input-end', id: item.id ?? '' });
        parts.push(...(mapHostedItem(item) as StreamPart[]));
      },
    ]),
  ),
  ...Object.fromEntries(
    Object.keys(clientItems).map((type): [string, ItemReducer] => [
      type,
      (state, _event, item, parts) => {
        if (!isServerCustomCall(item, state.customToolNames)) state.hasFunctionCall = true;
        parts.push({ type: 'tool-input-end', id: item.call_id ?? item.id ?? '' });
        parts.push(...(mapClientItem(item, state.customToolNames) as StreamPart[]));
      },
    ]),
  ),
  mcp_approval_request: (_state, _event, item, parts) => {
    parts.push(mapApprovalRequest(item));
  },
  compaction: (_state, _event, item, parts) => {
    const id = item.id ?? '';
    parts.push({ type: 'reasoning-start', id });
    parts.push({ type: 'reasoning-end', id, providerMetadata: mapCompaction(item).providerMetadata! });
  },
};

/**
 * An item type we do not know: a warning part now and the item in the finish metadata, never silence.
 * Types whose `added` event we saw but do not handle are reported once, at their `done`.
 */
export function reduceUnknownItem(
  state: ResponsesStreamState,
  item: ResponsesOutputItem,
  parts: StreamPart[],
): void {
  state.unknownItems.push(item);
  parts.push({ type: 'warnings', warnings: [unknownItemWarning(item.type)] });
}

/** Partial images of an image generation call, streamed as file parts marked with their index. */
export function reducePartialImage(
  state: ResponsesStreamState,
  event: ResponsesStreamEvent,
  parts: StreamPart[],
): void {
  if (!event.partial_image_b64) return;
  const itemId = event.item_id ?? '';
  parts.push({
    type: 'file',
    mediaType: `image/${state.imageFormats.get(itemId) ?? 'png'}`,
    data: decodeBase64(event.partial_image_b64),
    providerMetadata: { openai: { itemId, partialImageIndex: event.partial_image_index ?? 0 } },
  });
}
