import { type ConversationFormat, InvalidConversationError } from '../errors/invalid-conversation-error.js';
import { maxJsonDepth } from '../json/max-json-depth.js';

/** Where a value sits in the document being read, and in which format. */
export interface ReadContext {
  format: ConversationFormat;
  /** e.g. `messages[2].content[0]`; `''` for the document itself. */
  path: string;
  /** How many keys and indexes `path` has; 0 when absent. */
  depth?: number;
}

/**
 * The context of a child value: `key` is an object key or an array index. A document nested deeper than
 * `maxJsonDepth` fails here, so no reader recurses far enough to overflow the stack.
 */
export function childContext(context: ReadContext, key: string | number): ReadContext {
  const step = typeof key === 'number' ? `[${key}]` : context.path === '' ? key : `.${key}`;
  const depth = (context.depth ?? 0) + 1;
  if (depth > maxJsonDepth) {
    failAt(context, `the document nests deeper than ${maxJsonDepth} levels; no conversation is this deep`);
  }
  return { format: context.format, path: `${context.path}${step}`, depth };
}

/** Throws an `InvalidConversationError` at the context's path. */
export function failAt(context: ReadContext, message: string, cause?: unknown): never {
  throw new InvalidConversationError({ message, path: context.path, format: context.format, cause });
}

/** A JSON object (not null, not an array). */
export function readRecord(value: unknown, context: ReadContext): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value) || value instanceof Uint8Array) {
    failAt(context, `expected an object, found ${describeValue(value)}`);
  }
  return value as Record<string, unknown>;
}

export function readArray(value: unknown, context: ReadContext): unknown[] {
  if (!Array.isArray(value)) failAt(context, `expected an array, found ${describeValue(value)}`);
  return value;
}

export function readString(value: unknown, context: ReadContext): string {
  if (typeof value !== 'string') failAt(context, `expected a string, found ${describeValue(value)}`);
  return value;
}

export function readBoolean(value: unknown, context: ReadContext): boolean {
  if (typeof value !== 'boolean') failAt(context, `expected a boolean, found ${describeValue(value)}`);
  return value;
}

export function readNumber(value: unknown, context: ReadContext): number {
  if (typeof value !== 'number') failAt(context, `expected a number, found ${describeValue(value)}`);
  return value;
}

/** One of the given strings. */
export function readEnum<T extends string>(value: unknown, allowed: readonly T[], context: ReadContext): T {
  const text = readString(value, context);
  if (!(allowed as readonly string[]).includes(text)) {
    failAt(context, `expected one of ${allowed.join(', ')}, found ${JSON.stringify(text)}`);
  }
  return text as T;
}

/** Parses JSON text, failing with the format's error type. */
export function parseJsonText(text: string, format: ConversationFormat): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    return failAt({ format, path: '' }, `not JSON: ${(error as Error).message}`, error);
  }
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (value instanceof Uint8Array) return 'bytes';
  if (typeof value === 'string')
    return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  return typeof value === 'object' ? 'an object' : `${typeof value} ${String(value)}`;
}
