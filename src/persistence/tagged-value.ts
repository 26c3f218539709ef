import { InvalidArgumentError } from '../errors/invalid-argument-error.js';
import { setOwnEntry } from '../json/set-own-entry.js';
import type { JSONObject, JSONValue } from '../spec/json-value.js';
import { decodeBase64, encodeBase64 } from './base64.js';
import { childContext, failAt, type ReadContext, readRecord, readString } from './read-value.js';

/**
 * Values JSON cannot hold are written as one-key objects whose key starts with `$`: `{"$bytes": base64}`,
 * `{"$error": {name, message, cause?, data?, symbols?}}`, `{"$number": "NaN" | "Infinity" | "-Infinity"}`,
 * `{"$date": iso}`. An object of the caller's own with a `$` key is wrapped as `{"$object": {...}}` so it
 * is never mistaken for a tag.
 */
const tagPrefix = '$';

/** Error properties kept by the `$error` tag itself rather than in its `data`. */
const errorOwnKeys = new Set(['name', 'message', 'stack', 'cause']);

/** The JSON form of a value, with tags for bytes, errors, dates and non-finite numbers. */
export function encodeTaggedValue(value: unknown, path: string): JSONValue | undefined {
  return encode(value, path, new Set());
}

function encode(value: unknown, path: string, seen: Set<object>): JSONValue | undefined {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (value === undefined) return undefined;
  if (typeof value === 'number') return Number.isFinite(value) ? value : { $number: String(value) };
  if (typeof value !== 'object') {
    throw new InvalidArgumentError({
      argument: path,
      message: `${path} is a ${typeof value}, which cannot be stored`,
    });
  }
  if (value instanceof Uint8Array) return { $bytes: encodeBase64(value) };
  if (value instanceof Date) return { $date: value.toISOString() };
  if (seen.has(value)) {
    throw new InvalidArgumentError({
      argument: path,
      message: `${path} refers to itself, which cannot be stored`,
    });
  }
  seen.add(value);
  try {
    if (value instanceof Error) return { $error: encodeError(value, path, seen) };
    if (Array.isArray(value))
      return value.map((item, index) => encode(item, `${path}[${index}]`, seen) ?? null);
    const fields = encodeFields(value as Record<string, unknown>, path, seen);
    return Object.keys(fields).some((key) => key.startsWith(tagPrefix)) ? { $object: fields } : fields;
  } finally {
    seen.delete(value);
  }
}

function encodeFields(record: Record<string, unknown>, path: string, seen: Set<object>): JSONObject {
  const fields: JSONObject = {};
  for (const [key, item] of Object.entries(record)) {
    const encoded = encode(item, `${path}.${key}`, seen);
    if (encoded !== undefined) fields[key] = encoded;
  }
  return fields;
}

function encodeError(error: Error, path: string, seen: Set<object>): JSONObject {
  const data: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(error)) if (!errorOwnKeys.has(key)) data[key] = item;
  const cause = encode(error.cause, `${path}.cause`, seen);
  const symbols = registeredSymbolFields(error);
  return {
    name: error.name,
    message: error.message,
    ...(cause === undefined ? {} : { cause }),
    ...(Object.keys(data).length === 0 ? {} : { data: encodeFields(data, `${path}.data`, seen) }),
    ...(Object.keys(symbols).length === 0 ? {} : { symbols: encodeFields(symbols, `${path}.symbols`, seen) }),
  };
}

/**
 * An error's own fields keyed by registered symbols (`Symbol.for`), by the symbols' keys. fantasy-ts marks its
 * errors this way, so keeping them lets `InvalidToolCallError.isInstance` recognise a restored error.
 */
function registeredSymbolFields(error: Error): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const symbol of Object.getOwnPropertySymbols(error)) {
    const key = Symbol.keyFor(symbol);
    if (key !== undefined && Object.prototype.propertyIsEnumerable.call(error, symbol)) {
      fields[key] = (error as unknown as Record<symbol, unknown>)[symbol];
    }
  }
  return fields;
}

/** The value a tagged JSON value stands for; throws `InvalidConversationError` for a malformed tag. */
export function decodeTaggedValue(value: unknown, context: ReadContext): unknown {
  if (Array.isArray(value))
    return value.map((item, index) => decodeTaggedValue(item, childContext(context, index)));
  if (typeof value !== 'object' || value === null) return value;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  const tag = keys.find((key) => key.startsWith(tagPrefix));
  if (tag === undefined) return decodeFields(record, context);
  if (keys.length !== 1) failAt(context, `a tagged value (${tag}) must have no other keys`);
  return decodeTag(tag, record[tag], childContext(context, tag));
}

function decodeFields(record: Record<string, unknown>, context: ReadContext): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(record))
    setOwnEntry(fields, key, decodeTaggedValue(item, childContext(context, key)));
  return fields;
}

function decodeTag(tag: string, value: unknown, context: ReadContext): unknown {
  switch (tag) {
    case '$bytes':
      return decodeBase64(readString(value, context)) ?? failAt(context, 'expected base64 text');
    case '$date':
      return new Date(readString(value, context));
    case '$number':
      return readNonFiniteNumber(readString(value, context), context);
    case '$object':
      return decodeFields(readRecord(value, context), context);
    case '$error':
      return decodeError(readRecord(value, context), context);
    default:
      return failAt(context, `unknown tag ${tag}`);
  }
}

function readNonFiniteNumber(text: string, context: ReadContext): number {
  if (text !== 'NaN' && text !== 'Infinity' && text !== '-Infinity') {
    failAt(context, `expected NaN, Infinity or -Infinity, found ${JSON.stringify(text)}`);
  }
  return Number(text);
}

function decodeError(record: Record<string, unknown>, context: ReadContext): Error {
  const message = readString(record.message, childContext(context, 'message'));
  const cause = decodeTaggedValue(record.cause, childContext(context, 'cause'));
  const error = new Error(message, cause === undefined ? undefined : { cause });
  error.name = readString(record.name, childContext(context, 'name'));
  if (record.data !== undefined) {
    const dataContext = childContext(context, 'data');
    // Not Object.assign: it would give a `__proto__` field to the prototype setter.
    const data = decodeFields(readRecord(record.data, dataContext), dataContext);
    for (const [key, item] of Object.entries(data))
      setOwnEntry(error as unknown as Record<string, unknown>, key, item);
  }
  if (record.symbols !== undefined) {
    const symbolsContext = childContext(context, 'symbols');
    for (const [key, value] of Object.entries(
      decodeFields(readRecord(record.symbols, symbolsContext), symbolsContext),
    )) {
      (error as unknown as Record<symbol, unknown>)[Symbol.for(key)] = value;
    }
  }
  return error;
}
