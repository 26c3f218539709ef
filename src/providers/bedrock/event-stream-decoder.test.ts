import { describe, expect, it } from 'vitest';
import { APICallError } from '../../errors/api-call-error.js';
import { encodeBase64 } from '../shared/base64.js';
import { crc32 } from './crc32.js';
import { decodeBedrockEvents } from './decode-bedrock-events.js';
import { EventStreamDecoder, type EventStreamMessage } from './event-stream-decoder.js';
import { EventStreamError } from './event-stream-error.js';

const utf8 = new TextEncoder();

type TestHeader = [name: string, type: 'string' | 'true' | 'int32' | 'bytes', value?: string | number];

/** Encodes one frame the way AWS does, for tests. */
function encodeFrame(headers: TestHeader[], payload: string): Uint8Array {
  const headerBytes: number[] = [];
  for (const [name, type, value] of headers) {
    const nameBytes = utf8.encode(name);
    headerBytes.push(nameBytes.length, ...nameBytes);
    if (type === 'true') headerBytes.push(0);
    else if (type === 'int32') {
      const view = new DataView(new ArrayBuffer(4));
      view.setInt32(0, Number(value));
      headerBytes.push(4, ...new Uint8Array(view.buffer));
    } else {
      const valueBytes = utf8.encode(String(value));
      headerBytes.push(
        type === 'string' ? 7 : 6,
        valueBytes.length >> 8,
        valueBytes.length & 0xff,
        ...valueBytes,
      );
    }
  }
  const payloadBytes = utf8.encode(payload);
  const total = 16 + headerBytes.length + payloadBytes.length;
  const frame = new Uint8Array(total);
  const view = new DataView(frame.buffer);
  view.setUint32(0, total);
  view.setUint32(4, headerBytes.length);
  view.setUint32(8, crc32(frame, 0, 8));
  frame.set(headerBytes, 12);
  frame.set(payloadBytes, 12 + headerBytes.length);
  view.setUint32(total - 4, crc32(frame, 0, total - 4));
  return frame;
}

function chunkFrame(event: unknown): Uint8Array {
  const bytes = encodeBase64(utf8.encode(JSON.stringify(event)));
  return encodeFrame(
    [
      [':event-type', 'string', 'chunk'],
      [':content-type', 'string', 'application/json'],
      [':message-type', 'string', 'event'],
    ],
    JSON.stringify({ bytes, p: 'abcdefgh' }),
  );
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const bytes = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    bytes.set(part, offset);
    offset += part.length;
  }
  return bytes;
}

function decodeAll(chunks: Uint8Array[]): EventStreamMessage[] {
  const decoder = new EventStreamDecoder();
  const messages: EventStreamMessage[] = [];
  for (const chunk of chunks) decoder.push(chunk, (message) => messages.push(message));
  decoder.end();
  return messages;
}

const stream = concat(
  encodeFrame(
    [
      [':message-type', 'string', 'event'],
      ['flag', 'true'],
      ['count', 'int32', -7],
      ['raw', 'bytes', 'ab'],
    ],
    '{"text":"Olá 👋"}',
  ),
  encodeFrame([[':event-type', 'string', 'chunk']], ''),
  encodeFrame([], 'x'.repeat(300)),
);

describe('EventStreamDecoder', () => {
  it('decodes headers of every kind and the payload', () => {
    const [first, second, third] = decodeAll([stream]);
    expect(first?.headers).toEqual({
      ':message-type': 'event',
      flag: true,
      count: -7,
      raw: utf8.encode('ab'),
    });
    expect(new TextDecoder().decode(first?.payload)).toBe('{"text":"Olá 👋"}');
    expect(second?.payload.length).toBe(0);
    expect(third?.payload.length).toBe(300);
  });

  it('decodes the same messages when the bytes are split at any offset', () => {
    const whole = decodeAll([stream]);
    for (let offset = 0; offset <= stream.length; offset++) {
      expect(decodeAll([stream.subarray(0, offset), stream.subarray(offset)])).toEqual(whole);
    }
  });

  it('decodes the same messages from one-byte chunks and from three-way splits', () => {
    const whole = decodeAll([stream]);
    expect(decodeAll([...stream].map((byte) => Uint8Array.of(byte)))).toEqual(whole);
    for (let first = 1; first < stream.length; first += 7) {
      for (let second = first; second < stream.length; second += 11) {
        const chunks = [stream.subarray(0, first), stream.subarray(first, second), stream.subarray(second)];
        expect(decodeAll(chunks)).toEqual(whole);
      }
    }
  });

  it('throws a clear EventStreamError when a message checksum does not match', () => {
    const corrupted = stream.slice();
    corrupted[20] = corrupted[20]! ^ 0xff;
    const error = (() => {
      try {
        decodeAll([corrupted]);
      } catch (caught) {
        return caught;
      }
    })() as EventStreamError;
    expect(EventStreamError.isInstance(error)).toBe(true);
    expect(error.reason).toBe('message-crc');
    expect(error.message).toMatch(
      /AWS event stream is corrupted \(message-crc\): message checksum 0x[0-9a-f]{8} does not match 0x[0-9a-f]{8}/,
    );
    expect(error.isRetryable).toBe(true);
  });

  it('throws on a corrupted prelude before waiting for a frame of a bogus length', () => {
    const corrupted = stream.slice();
    corrupted[1] = 0x7f;
    expect(() => decodeAll([corrupted.subarray(0, 12)])).toThrow(/prelude-crc/);
  });

  it('throws when the bytes end inside a frame', () => {
    expect(() => decodeAll([stream.subarray(0, stream.length - 1)])).toThrow(
      expect.objectContaining({ reason: 'truncated' }),
    );
  });
});

function body(chunks: Uint8Array[]): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(chunk);
      controller.close();
    },
  });
}

async function collect(source: AsyncIterable<{ data: string }>): Promise<string[]> {
  const data: string[] = [];
  for await (const event of source) data.push(event.data);
  return data;
}

describe('decodeBedrockEvents', () => {
  it('yields the Anthropic event JSON carried base64-encoded in chunk events', async () => {
    const events = [{ type: 'message_start' }, { type: 'content_block_delta', delta: { text: 'Olá' } }];
    const bytes = concat(...events.map(chunkFrame));
    const data = await collect(decodeBedrockEvents(body([bytes.subarray(0, 50), bytes.subarray(50)]), 'u'));
    expect(data.map((text) => JSON.parse(text))).toEqual(events);
  });

  it('throws a typed, retryable error for a throttling exception frame', async () => {
    const exception = encodeFrame(
      [
        [':message-type', 'string', 'exception'],
        [':exception-type', 'string', 'throttlingException'],
      ],
      '{"message":"Too many requests, please wait before trying again."}',
    );
    const error = await collect(
      decodeBedrockEvents(body([chunkFrame({ type: 'ping' }), exception]), 'u'),
    ).catch((caught: unknown) => caught);
    expect(APICallError.isInstance(error)).toBe(true);
    expect((error as APICallError).message).toContain(
      'received exception throttlingException: Too many requests, please wait before trying again.',
    );
    expect((error as APICallError).isRetryable).toBe(true);
    expect((error as APICallError).errorType).toBe('throttlingException');
  });

  it('does not retry a validation exception', async () => {
    const exception = encodeFrame(
      [
        [':message-type', 'string', 'exception'],
        [':exception-type', 'string', 'validationException'],
      ],
      '{"message":"bad input"}',
    );
    const error = (await collect(decodeBedrockEvents(body([exception]), 'u')).catch(
      (caught: unknown) => caught,
    )) as APICallError;
    expect(error.isRetryable).toBe(false);
  });
});
