/**
 * Issue 13 item 10: a `__proto__` key in anything we read is plain data. Every reader of untrusted JSON,
 * YAML or binary headers is checked with documents that use `__proto__` (and other Object.prototype names)
 * as keys at any depth: the keys come back as own properties, no object gets a foreign prototype, and a
 * field that exists only under `__proto__` is not there.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidCassetteError } from '../../src/errors/invalid-cassette-error.js';
import { InvalidConversationError } from '../../src/errors/invalid-conversation-error.js';
import { IncrementalJsonParser } from '../../src/json/incremental-json-parser.js';
import { fromFantasyJSON } from '../../src/persistence/fantasy-messages.js';
import { snakeToCamel } from '../../src/persistence/part-fields.js';
import { parseMessages } from '../../src/persistence/serialize-messages.js';
import { crc32 } from '../../src/providers/bedrock/crc32.js';
import {
  EventStreamDecoder,
  type EventStreamMessage,
} from '../../src/providers/bedrock/event-stream-decoder.js';
import { parseCassette } from '../../src/testing/cassette/parse-cassette.js';
import { asReadFromGo, assertPlainPrototypes, protoObjectText } from '../support/proto-json.js';

const seed = 13_010;
const runs = { seed, numRuns: 200 };

describe('__proto__ keys in persisted documents', () => {
  const document = (options: string) =>
    `{"format":"fantasy-ts/messages","version":1,"messages":[{"role":"user","content":[{"type":"text","text":"hi"}],"providerOptions":${options}}]}`;

  it('stay plain data in parseMessages, at any depth', () => {
    fc.assert(
      fc.property(protoObjectText, (options) => {
        const [message] = parseMessages(document(`{"__proto__":${options},"p":${options}}`));
        expect(message?.providerOptions).toEqual(JSON.parse(`{"__proto__":${options},"p":${options}}`));
        expect(Object.hasOwn(message?.providerOptions ?? {}, '__proto__')).toBe(true);
        assertPlainPrototypes(message);
      }),
      runs,
    );
  });

  it('stay plain data in fromFantasyJSON, at any depth', () => {
    fc.assert(
      fc.property(protoObjectText, (value) => {
        const envelope = `{"type":"openai.options","data":{"user":"u","extra_value":${value}}}`;
        const text = `[{"role":"user","content":[],"provider_options":{"__proto__":${envelope},"openai":${envelope}}}]`;
        const [message] = fromFantasyJSON(text);
        const expected = { user: 'u', extraValue: asReadFromGo(JSON.parse(value), snakeToCamel) };
        expect(message?.providerOptions?.openai).toEqual(expected);
        expect(Object.getOwnPropertyDescriptor(message?.providerOptions, '__proto__')?.value).toEqual(
          expected,
        );
        assertPlainPrototypes(message);
      }),
      runs,
    );
  });

  it('reject a message whose role exists only under __proto__, in both formats', () => {
    const hidden = '{"__proto__":{"role":"user","content":[]}}';
    expect(() =>
      parseMessages(`{"format":"fantasy-ts/messages","version":1,"messages":[${hidden}]}`),
    ).toThrow(InvalidConversationError);
    expect(() => fromFantasyJSON(`[${hidden}]`)).toThrow(/role/);
    expect(() =>
      parseMessages(
        '{"format":"fantasy-ts/messages","version":1,"messages":[{"role":"user","content":[{"$error":{"name":"E","message":"m","data":{"__proto__":{"x":1}}}}]}]}',
      ),
    ).toThrow(InvalidConversationError);
  });
});

describe('__proto__ keys in cassettes', () => {
  const cassette = (responseExtra: string, headers: string) => `version: 2
interactions:
- id: 0
  request: {method: POST, url: 'http://127.0.0.1/', body: ''}
  response:
    ${responseExtra}
    headers: ${headers}
`;

  it('stay plain data as header names', () => {
    const names = fc.array(fc.constantFrom('__proto__', 'constructor', 'toString', 'x-id'), {
      minLength: 1,
      maxLength: 4,
    });
    fc.assert(
      fc.property(
        names,
        fc.string({ unit: fc.constantFrom('a', 'b', '1', ' '), maxLength: 5 }),
        (list, value) => {
          const headers = `{${[...new Set(list)].map((name) => `${name}: ['${value}']`).join(', ')}}`;
          const [interaction] = parseCassette(cassette('code: 200', headers)).interactions;
          for (const name of new Set(list))
            expect(Object.getOwnPropertyDescriptor(interaction?.response.headers, name)?.value).toEqual([
              value,
            ]);
          assertPlainPrototypes(interaction);
        },
      ),
      runs,
    );
  });

  it('do not supply a field that is only under __proto__', () => {
    expect(() => parseCassette(cassette('__proto__: {code: 200}', '{}'))).toThrow(InvalidCassetteError);
  });
});

describe('__proto__ keys in the incremental JSON parser', () => {
  it('stay plain data in every snapshot and in the final value, for any chunking', () => {
    fc.assert(
      fc.property(protoObjectText, fc.integer({ min: 1, max: 7 }), (text, size) => {
        const parser = new IncrementalJsonParser();
        for (let start = 0; start < text.length; start += size) {
          parser.write(text.slice(start, start + size));
          assertPlainPrototypes(parser.snapshot());
        }
        const value = parser.end() as Record<string, unknown>;
        expect(value).toEqual(JSON.parse(text));
        expect((value as { role?: unknown }).role === undefined || Object.hasOwn(value, 'role')).toBe(true);
        assertPlainPrototypes(value);
      }),
      runs,
    );
  });
});

describe('__proto__ as a Bedrock event-stream header name', () => {
  const utf8 = new TextEncoder();

  /** One frame with the given headers, each a string (7), bytes (6) or timestamp (8) value. */
  function encodeFrame(headers: [name: string, type: 6 | 7 | 8][]): Uint8Array {
    const bytes: number[] = [];
    for (const [name, type] of headers) {
      const encodedName = utf8.encode(name);
      bytes.push(encodedName.length, ...encodedName, type);
      if (type === 8) bytes.push(0, 0, 0, 0, 0, 0, 0, 1);
      else bytes.push(0, 3, 0x61, 0x62, 0x63);
    }
    const total = 16 + bytes.length;
    const frame = new Uint8Array(total);
    const view = new DataView(frame.buffer);
    view.setUint32(0, total);
    view.setUint32(4, bytes.length);
    view.setUint32(8, crc32(frame, 0, 8));
    frame.set(bytes, 12);
    view.setUint32(total - 4, crc32(frame, 0, total - 4));
    return frame;
  }

  it('stays a header of any value type, and the headers object keeps its prototype', () => {
    const header = fc.tuple(
      fc.constantFrom('__proto__', 'constructor', ':event-type'),
      fc.constantFrom<6 | 7 | 8>(6, 7, 8),
    );
    fc.assert(
      fc.property(fc.array(header, { minLength: 1, maxLength: 4 }), (headers) => {
        const messages: EventStreamMessage[] = [];
        new EventStreamDecoder().push(encodeFrame(headers), (message) => messages.push(message));
        const decoded = messages[0]!.headers;
        expect(Object.getPrototypeOf(decoded)).toBe(Object.prototype);
        for (const [name] of headers) expect(Object.hasOwn(decoded, name)).toBe(true);
        const last = new Map(headers).get('__proto__');
        if (last !== undefined)
          expect(Object.getOwnPropertyDescriptor(decoded, '__proto__')?.value).toBeDefined();
      }),
      runs,
    );
  });
});
