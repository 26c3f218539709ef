import type { ToolCallContent, ToolResultContent } from '../../../spec/content.js';
import type { JSONValue } from '../../../spec/json-value.js';
import type { ResponsesOutputItem } from './openai-responses-api.js';

/** The tool name tool search calls and results report under. */
export const toolSearchToolName = 'tool_search';

/**
 * The id pairing a tool search call with its output: the item's `call_id`, else (the docs allow it to
 * be null) the call item's own id.
 */
export function toolSearchCallId(item: ResponsesOutputItem): string {
  return typeof item.call_id === 'string' && item.call_id !== '' ? item.call_id : (item.id ?? '');
}

/**
 * A `tool_search_call` item (`{ id, call_id, execution, arguments, status }`) as a provider-executed call
 * whose input is its `arguments`; the item is kept to send back as received.
 */
export function mapToolSearchCall(item: ResponsesOutputItem): ToolCallContent {
  return {
    type: 'tool-call',
    toolCallId: toolSearchCallId(item),
    toolName: toolSearchToolName,
    // The wire type says string for function calls; tool search sends an object.
    input: JSON.stringify((item as Record<string, unknown>).arguments ?? {}),
    providerExecuted: true,
    providerMetadata: { openai: { itemId: item.id ?? '', item: { ...item } } },
  };
}

/**
 * A `tool_search_output` item (`{ id, call_id, execution, tools, status }`) as the provider-executed result
 * of its call: the tools it loaded. Without a `call_id` it answers the call before it (`previousCallId`).
 */
export function mapToolSearchOutput(
  item: ResponsesOutputItem,
  previousCallId: string | undefined,
): ToolResultContent {
  const hasCallId = typeof item.call_id === 'string' && item.call_id !== '';
  return {
    type: 'tool-result',
    toolCallId: hasCallId ? String(item.call_id) : (previousCallId ?? item.id ?? ''),
    toolName: toolSearchToolName,
    output: { type: 'json', value: { tools: (item.tools ?? []) as JSONValue } },
    providerExecuted: true,
    providerMetadata: { openai: { itemId: item.id ?? '', item: { ...item } } },
  };
}

/** True for the two tool search item types. */
export function isToolSearchItem(type: string | undefined): boolean {
  return type === 'tool_search_call' || type === 'tool_search_output';
}
