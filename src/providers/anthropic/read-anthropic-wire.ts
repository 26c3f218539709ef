import { isWireObject, wireTypeError } from '../shared/wire-type-error.js';
import type { AnthropicBlockDelta, AnthropicResponseBlock, AnthropicUsage } from './anthropic-api.js';

const blockStrings = ['type', 'text', 'thinking', 'signature', 'data', 'id', 'name', 'tool_use_id'] as const;
const deltaStrings = ['type', 'text', 'thinking', 'signature', 'partial_json'] as const;

/**
 * Checks the fields of a content block that we read, so a wrong wire type (a numeric tool name, an object
 * as text) is an `InvalidResponseError` naming the field rather than a part carrying an object.
 */
export function checkAnthropicBlock(block: unknown, path: string): AnthropicResponseBlock {
  if (!isWireObject(block)) throw wireTypeError({ path, expected: 'an object', value: block });
  checkStrings(block, blockStrings, path);
  return block as unknown as AnthropicResponseBlock;
}

/** Checks a `content_block_delta`'s delta like `checkAnthropicBlock`. */
export function checkAnthropicDelta(delta: unknown, path: string): AnthropicBlockDelta {
  if (!isWireObject(delta)) throw wireTypeError({ path, expected: 'an object', value: delta });
  checkStrings(delta, deltaStrings, path);
  return delta as unknown as AnthropicBlockDelta;
}

/** The blocks of a response's `content`; anything but an array (or absent) is malformed. */
export function readAnthropicContent(content: unknown): AnthropicResponseBlock[] {
  if (content === undefined || content === null) return [];
  if (!Array.isArray(content)) throw wireTypeError({ path: 'content', expected: 'an array', value: content });
  return content.map((block, index) => checkAnthropicBlock(block, `content[${index}]`));
}

/** A usage object as sent, or undefined; anything but an object is malformed. */
export function readAnthropicUsage(usage: unknown, path: string): AnthropicUsage | undefined {
  if (usage === undefined || usage === null) return undefined;
  if (!isWireObject(usage)) throw wireTypeError({ path, expected: 'an object', value: usage });
  return usage as AnthropicUsage;
}

function checkStrings(record: Record<string, unknown>, fields: readonly string[], path: string): void {
  for (const field of fields) {
    const value = record[field];
    if (value !== undefined && value !== null && typeof value !== 'string') {
      throw wireTypeError({ path: `${path}.${field}`, expected: 'a string', value });
    }
  }
}
