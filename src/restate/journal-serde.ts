import type { Serde } from '@restatedev/restate-sdk';
import { decodeTaggedValue, encodeTaggedValue } from '../persistence/tagged-value.js';

/**
 * How journaled values are stored: our tagged JSON (`$bytes` for file and image data, `$error` for errors,
 * ...), so a replayed model response or tool result is the value the first attempt produced, bytes and all.
 * Restate's default JSON serde would turn a `Uint8Array` into an object of indexes.
 */
export function journalSerde<T>(): Serde<T> {
  return {
    contentType: 'application/json',
    serialize: (value) => new TextEncoder().encode(JSON.stringify(encodeTaggedValue(value, 'value') ?? null)),
    deserialize: (data) =>
      decodeTaggedValue(JSON.parse(new TextDecoder().decode(data)), { format: 'fantasy-ts', path: '' }) as T,
  };
}
