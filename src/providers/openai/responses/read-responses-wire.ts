import { isWireObject, wireTypeError } from '../../shared/wire-type-error.js';
import type { ResponsesOutputItem, ResponsesResponse, ResponsesStreamEvent } from './openai-responses-api.js';

const eventStrings = ['type', 'item_id', 'delta'] as const;
const itemStrings = ['id', 'type', 'call_id', 'name', 'arguments', 'encrypted_content'] as const;
/** `tool_search_call` items carry their `arguments` as a JSON object, not as JSON text. */
const toolSearchItemStrings = itemStrings.filter((field) => field !== 'arguments');

/**
 * Checks the fields of a Responses stream event that the reducer reads, so a wrong wire type (a numeric
 * function name, an object as a text delta) is an `InvalidResponseError` naming the field, not a part holding
 * an object or a `TypeError`. A few `typeof` checks per event; nested items only when the event has one.
 */
export function checkResponsesEvent(event: unknown): ResponsesStreamEvent {
  if (!isWireObject(event))
    throw wireTypeError({ path: 'stream event', expected: 'an object', value: event });
  checkStrings(event, eventStrings, '');
  if (
    event.output_index !== undefined &&
    event.output_index !== null &&
    !Number.isInteger(event.output_index)
  ) {
    throw wireTypeError({ path: 'output_index', expected: 'an integer', value: event.output_index });
  }
  if (event.item !== undefined && event.item !== null) checkResponsesItem(event.item, 'item');
  if (event.response !== undefined && event.response !== null)
    checkResponsesResponse(event.response, 'response');
  return event as ResponsesStreamEvent;
}

/** Checks a response object (a non-streamed body, or a terminal event's `response`). */
export function checkResponsesResponse(response: unknown, path: string): ResponsesResponse {
  if (!isWireObject(response)) throw wireTypeError({ path, expected: 'an object', value: response });
  const output = response.output;
  if (output !== undefined && output !== null) {
    if (!Array.isArray(output))
      throw wireTypeError({ path: `${path}.output`, expected: 'an array', value: output });
    output.forEach((item, index) => {
      checkResponsesItem(item, `${path}.output[${index}]`);
    });
  }
  return response as ResponsesResponse;
}

function checkResponsesItem(item: unknown, path: string): ResponsesOutputItem {
  if (!isWireObject(item)) throw wireTypeError({ path, expected: 'an object', value: item });
  checkStrings(item, item.type === 'tool_search_call' ? toolSearchItemStrings : itemStrings, `${path}.`);
  const content = item.content;
  if (content !== undefined && content !== null) {
    if (!Array.isArray(content))
      throw wireTypeError({ path: `${path}.content`, expected: 'an array', value: content });
    content.forEach((part, index) => {
      const at = `${path}.content[${index}]`;
      if (!isWireObject(part)) throw wireTypeError({ path: at, expected: 'an object', value: part });
      checkStrings(part, ['type', 'text'], `${at}.`);
    });
  }
  return item as ResponsesOutputItem;
}

function checkStrings(record: Record<string, unknown>, fields: readonly string[], prefix: string): void {
  for (const field of fields) {
    const value = record[field];
    if (value !== undefined && value !== null && typeof value !== 'string') {
      throw wireTypeError({ path: `${prefix}${field}`, expected: 'a string', value });
    }
  }
}
