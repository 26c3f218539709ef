import { setOwnEntry } from '../../json/set-own-entry.js';
import { crc32 } from './crc32.js';
import { EventStreamError } from './event-stream-error.js';

/** A header value of an event-stream message, by its wire type. */
export type EventStreamHeaderValue = boolean | number | bigint | string | Uint8Array | Date;

/** One decoded event-stream message. */
export interface EventStreamMessage {
  headers: Record<string, EventStreamHeaderValue>;
  payload: Uint8Array;
}

/** total length, headers length, prelude CRC. */
const preludeLength = 12;
/** Prelude plus the trailing message CRC. */
const minimumMessageLength = 16;
/** The largest frame AWS sends (16 MiB); anything longer means the length itself is corrupted. */
const maximumMessageLength = 16 * 1024 * 1024;

/**
 * An incremental decoder of the AWS event-stream binary framing
 * (`[total length][headers length][prelude CRC][headers][payload][message CRC]`, big-endian). Chunks may split
 * frames at any byte; both checksums are verified and a mismatch throws an `EventStreamError`.
 *
 * @example
 * const decoder = new EventStreamDecoder();
 * for (const chunk of chunks) decoder.push(chunk, (message) => console.log(message.headers[':event-type']));
 * decoder.end();
 */
export class EventStreamDecoder {
  /** Bytes received but not yet decoded, in arrival order; the first may be partly consumed. */
  #chunks: Uint8Array[] = [];
  #buffered = 0;
  /** Total length of the frame at the head of the buffer, once its prelude was checked. */
  #frameLength: number | undefined = undefined;

  /** Adds bytes; `onMessage` is called for every frame they complete. */
  push(chunk: Uint8Array, onMessage: (message: EventStreamMessage) => void): void {
    if (chunk.length === 0) return;
    this.#chunks.push(chunk);
    this.#buffered += chunk.length;
    for (;;) {
      if (this.#frameLength === undefined) {
        if (this.#buffered < preludeLength) return;
        this.#frameLength = checkPrelude(this.#peek(preludeLength));
      }
      if (this.#buffered < this.#frameLength) return;
      const frame = this.#take(this.#frameLength);
      this.#frameLength = undefined;
      onMessage(decodeFrame(frame));
    }
  }

  /** Declares the end of the bytes; throws if it fell inside a frame. */
  end(): void {
    if (this.#buffered === 0) return;
    const buffered = this.#buffered;
    this.#chunks = [];
    this.#buffered = 0;
    this.#frameLength = undefined;
    throw new EventStreamError({
      reason: 'truncated',
      message: `the stream ended ${buffered} byte(s) into an unfinished frame`,
    });
  }

  /** The first `length` buffered bytes, without consuming them. */
  #peek(length: number): Uint8Array {
    const first = this.#chunks[0]!;
    return first.length >= length ? first.subarray(0, length) : this.#gather(length, false);
  }

  /** Removes and returns the first `length` buffered bytes; copies only when they span chunks. */
  #take(length: number): Uint8Array {
    const first = this.#chunks[0]!;
    this.#buffered -= length;
    if (first.length > length) {
      this.#chunks[0] = first.subarray(length);
      return first.subarray(0, length);
    }
    if (first.length === length) {
      this.#chunks.shift();
      return first;
    }
    return this.#gather(length, true);
  }

  #gather(length: number, consume: boolean): Uint8Array {
    const bytes = new Uint8Array(length);
    let offset = 0;
    let index = 0;
    while (offset < length) {
      const chunk = this.#chunks[index]!;
      const count = Math.min(chunk.length, length - offset);
      bytes.set(chunk.subarray(0, count), offset);
      offset += count;
      if (!consume) index += 1;
      else if (count === chunk.length) this.#chunks.shift();
      else this.#chunks[0] = chunk.subarray(count);
    }
    return bytes;
  }
}

/** Checks the 12-byte prelude and returns the frame's total length. */
function checkPrelude(prelude: Uint8Array): number {
  const view = new DataView(prelude.buffer, prelude.byteOffset, prelude.byteLength);
  const totalLength = view.getUint32(0);
  const headersLength = view.getUint32(4);
  const expected = view.getUint32(8);
  const actual = crc32(prelude, 0, 8);
  if (actual !== expected) {
    throw new EventStreamError({
      reason: 'prelude-crc',
      message: `prelude checksum ${hex(actual)} does not match ${hex(expected)}`,
    });
  }
  if (
    totalLength < minimumMessageLength ||
    totalLength > maximumMessageLength ||
    headersLength > totalLength - minimumMessageLength
  ) {
    throw new EventStreamError({
      reason: 'invalid-length',
      message: `frame length ${totalLength} with ${headersLength} header bytes is impossible`,
    });
  }
  return totalLength;
}

function decodeFrame(frame: Uint8Array): EventStreamMessage {
  const view = new DataView(frame.buffer, frame.byteOffset, frame.byteLength);
  const expected = view.getUint32(frame.length - 4);
  const actual = crc32(frame, 0, frame.length - 4);
  if (actual !== expected) {
    throw new EventStreamError({
      reason: 'message-crc',
      message: `message checksum ${hex(actual)} does not match ${hex(expected)}`,
    });
  }
  const headersEnd = preludeLength + view.getUint32(4);
  let headers: Record<string, EventStreamHeaderValue>;
  try {
    headers = decodeHeaders(frame, view, headersEnd);
  } catch (error) {
    if (error instanceof RangeError) throw invalidHeader('block', 'runs past the frame');
    throw error;
  }
  return { headers, payload: frame.subarray(headersEnd, frame.length - 4) };
}

const utf8 = new TextDecoder();

/** Reads `[name length u8][name][type u8][value]` headers up to `end`. */
function decodeHeaders(
  frame: Uint8Array,
  view: DataView,
  end: number,
): Record<string, EventStreamHeaderValue> {
  const headers: Record<string, EventStreamHeaderValue> = {};
  let position = preludeLength;
  while (position < end) {
    const nameLength = frame[position]!;
    const name = utf8.decode(frame.subarray(position + 1, position + 1 + nameLength));
    position += 1 + nameLength;
    const type = frame[position];
    if (type === undefined || position >= end) throw invalidHeader(name, 'is cut off');
    const [value, next] = decodeHeaderValue(frame, view, type, position + 1);
    if (next > end) throw invalidHeader(name, 'runs past the headers');
    // A header named `__proto__` stays a header instead of replacing the object's prototype.
    setOwnEntry(headers, name, value);
    position = next;
  }
  return headers;
}

/** One header value of wire `type` starting at `start`, and where the next header starts. */
function decodeHeaderValue(
  frame: Uint8Array,
  view: DataView,
  type: number,
  start: number,
): [EventStreamHeaderValue, number] {
  switch (type) {
    case 0:
      return [true, start];
    case 1:
      return [false, start];
    case 2:
      return [view.getInt8(start), start + 1];
    case 3:
      return [view.getInt16(start), start + 2];
    case 4:
      return [view.getInt32(start), start + 4];
    case 5:
      return [view.getBigInt64(start), start + 8];
    case 6:
    case 7: {
      const length = view.getUint16(start);
      const bytes = frame.subarray(start + 2, start + 2 + length);
      return [type === 6 ? bytes : utf8.decode(bytes), start + 2 + length];
    }
    case 8:
      return [new Date(Number(view.getBigInt64(start))), start + 8];
    case 9:
      return [hexBytes(frame.subarray(start, start + 16)), start + 16];
    default:
      throw invalidHeader(`#${type}`, 'has an unknown value type');
  }
}

function invalidHeader(name: string, problem: string): EventStreamError {
  return new EventStreamError({ reason: 'invalid-header', message: `header ${name} ${problem}` });
}

function hex(value: number): string {
  return `0x${value.toString(16).padStart(8, '0')}`;
}

function hexBytes(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes) text += byte.toString(16).padStart(2, '0');
  return text;
}
