import { setOwnEntry } from '../json/set-own-entry.js';
import type { JSONObject, JSONValue } from '../spec/json-value.js';
import { encodeBase64 } from './base64.js';
import { childContext, type ReadContext } from './read-value.js';

/**
 * A value as Go's encoding/json would write it: bytes as base64, errors as their message, dates as ISO
 * text, `undefined` left out, object keys passed through `renameKey`.
 */
export function toGoValue(value: unknown, renameKey: (key: string) => string): JSONValue | undefined {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value !== 'object') return undefined;
  if (value instanceof Uint8Array) return encodeBase64(value);
  if (value instanceof Error) return value.message;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map((item) => toGoValue(item, renameKey) ?? null);
  const object: JSONObject = {};
  for (const [key, item] of Object.entries(value)) {
    const converted = toGoValue(item, renameKey);
    if (converted !== undefined) object[renameKey(key)] = converted;
  }
  return object;
}

/**
 * A value read from Go JSON with object keys passed through `renameKey`. `null` object fields are left out:
 * Go writes its nil pointers and maps as `null`, and they mean "not set". A `__proto__` key stays data.
 */
export function fromGoValue(
  value: unknown,
  renameKey: (key: string) => string,
  context: ReadContext,
): unknown {
  if (Array.isArray(value))
    return value.map((item, index) => fromGoValue(item, renameKey, childContext(context, index)));
  if (typeof value !== 'object' || value === null) return value;
  const object: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    if (item === null) continue;
    setOwnEntry(object, renameKey(key), fromGoValue(item, renameKey, childContext(context, key)));
  }
  return object;
}

/** Leaves a key as it is. */
export const sameKey = (key: string): string => key;
