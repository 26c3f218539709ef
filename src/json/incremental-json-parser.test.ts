import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { JsonSyntaxError } from '../errors/json-syntax-error.js';
import { IncrementalJsonParser, parseJsonPrefix } from './incremental-json-parser.js';

const seed = 20_250_601;

/** Splits `text` into pieces whose sizes cycle through `sizes`. */
function chunk(text: string, sizes: readonly number[]): string[] {
  const pieces: string[] = [];
  let start = 0;
  for (let index = 0; start < text.length; index += 1) {
    const size = sizes[index % sizes.length] ?? 1;
    pieces.push(text.slice(start, start + size));
    start += size;
  }
  return pieces;
}

/** Writes each piece and returns the parser and the snapshot taken after each write. */
function writeAll(pieces: readonly string[]): { parser: IncrementalJsonParser; snapshots: unknown[] } {
  const parser = new IncrementalJsonParser();
  const snapshots: unknown[] = [];
  for (const piece of pieces) {
    parser.write(piece);
    snapshots.push(parser.snapshot());
  }
  return { parser, snapshots };
}

/** Snapshot after writing `pieces` one by one. */
function snapshotAfter(...pieces: string[]): unknown {
  return writeAll(pieces).parser.snapshot();
}

/**
 * True when `partial` could be a snapshot on the way to `final`: a prefix of a string, a number where the
 * final value is a number, and containers whose entries equal the final ones except one open, partial entry.
 */
function isPartialOf(partial: unknown, final: unknown): boolean {
  if (partial === undefined) return true;
  if (typeof partial === 'string') return typeof final === 'string' && final.startsWith(partial);
  if (typeof partial === 'number') return typeof final === 'number';
  if (typeof partial !== 'object' || partial === null) return Object.is(partial, final);
  if (Array.isArray(partial)) return isPartialArray(partial, final);
  return isPartialObject(partial as Record<string, unknown>, final);
}

function isPartialArray(partial: unknown[], final: unknown): boolean {
  if (!Array.isArray(final) || partial.length > final.length) return false;
  const last = partial.length - 1;
  return partial.every((element, index) =>
    index === last ? isPartialOf(element, final[index]) : isDeepStrictEqual(element, final[index]),
  );
}

function isPartialObject(partial: Record<string, unknown>, final: unknown): boolean {
  if (typeof final !== 'object' || final === null || Array.isArray(final)) return false;
  const finalObject = final as Record<string, unknown>;
  let openEntries = 0;
  for (const key of Object.keys(partial)) {
    if (!Object.hasOwn(finalObject, key)) return false;
    if (isDeepStrictEqual(partial[key], finalObject[key])) continue;
    openEntries += 1;
    if (openEntries > 1 || !isPartialOf(partial[key], finalObject[key])) return false;
  }
  return true;
}

/** Escapes every non-ASCII character as `\uXXXX`, so surrogate pairs arrive as two escapes. */
function escapeNonAscii(json: string): string {
  return json.replace(/[\u0080-\uffff]/g, (character) => {
    return `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
}

/** Streams `text` in the given chunking and checks the final value and every snapshot along the way. */
function checkStreamed(text: string, sizes: readonly number[]): void {
  const expected: unknown = JSON.parse(text);
  const parser = new IncrementalJsonParser();
  const taken: { snapshot: unknown; copy: unknown }[] = [];
  for (const piece of chunk(text, sizes)) {
    parser.write(piece);
    const snapshot = parser.snapshot();
    expect(isPartialOf(snapshot, expected), `snapshot ${JSON.stringify(snapshot)}`).toBe(true);
    taken.push({ snapshot, copy: structuredClone(snapshot) });
  }
  expect(parser.error).toBeUndefined();
  expect(parser.end()).toEqual(expected);
  for (const { snapshot, copy } of taken) expect(snapshot).toEqual(copy);
}

describe('IncrementalJsonParser with any JSON value and any chunking', () => {
  const chunkSizes = fc.array(fc.integer({ min: 1, max: 8 }), { minLength: 1, maxLength: 40 });
  const serializations: [string, (value: unknown) => string][] = [
    ['compact', (value) => JSON.stringify(value)],
    ['indented', (value) => JSON.stringify(value, null, 2)],
    ['with non-ASCII escaped', (value) => escapeNonAscii(JSON.stringify(value))],
  ];

  for (const [name, serialize] of serializations) {
    it(`ends with what JSON.parse gives and only shows consistent snapshots (${name})`, () => {
      fc.assert(
        fc.property(fc.jsonValue(), chunkSizes, (value, sizes) => checkStreamed(serialize(value), sizes)),
        { seed, numRuns: 300 },
      );
    });
  }

  it('handles any UTF-16 string content, including pairs split between writes and lone surrogates', () => {
    fc.assert(
      fc.property(fc.jsonValue({ stringUnit: 'binary' }), chunkSizes, (value, sizes) => {
        checkStreamed(JSON.stringify(value), sizes);
      }),
      { seed, numRuns: 300 },
    );
  });
});

describe('IncrementalJsonParser on a fixture split everywhere', () => {
  const fixture =
    '{"title":"Olá 🌍 \\"quoted\\" \\\\ \\/ \\b\\f\\n\\r\\t \\u00e9\\ud83d\\ude00",' +
    ' "numbers": [0, -0.5, 12e3, -1E-2, 3.25e+1], "flags": [true, false, null],' +
    ' "nested": {"empty": {}, "list": [[], [{}], {"k": "v"}]}, "__proto__": {"own": 1}}';
  const expected: unknown = JSON.parse(fixture);

  it('gives the same value when split in two at every offset', () => {
    for (let offset = 0; offset <= fixture.length; offset += 1) {
      const { parser } = writeAll([fixture.slice(0, offset), fixture.slice(offset)]);
      expect(parser.end(), `split at ${offset}`).toEqual(expected);
    }
  });

  it('gives the same value, with consistent snapshots, when written one character at a time', () => {
    checkStreamed(fixture, [1]);
  });

  it('keeps a "__proto__" key as an own property, as JSON.parse does', () => {
    const value = writeAll([fixture]).parser.end() as Record<string, unknown>;
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.hasOwn(value, '__proto__')).toBe(true);
    expect(Object.getOwnPropertyDescriptor(value, '__proto__')?.value).toEqual({ own: 1 });
  });
});

describe('IncrementalJsonParser partial values', () => {
  it('shows an open string with escape sequences only once they are complete', () => {
    const parser = new IncrementalJsonParser();
    const seen: unknown[] = [];
    for (const piece of ['"ab', '\\', 'n', '\\u00', 'e', '9', 'c']) {
      parser.write(piece);
      seen.push(parser.snapshot());
    }
    expect(seen).toEqual(['ab', 'ab', 'ab\n', 'ab\n', 'ab\n', 'ab\né', 'ab\néc']);
  });

  it('joins a surrogate pair whose \\u escapes are split across writes', () => {
    const parser = new IncrementalJsonParser();
    const seen: unknown[] = [];
    for (const piece of ['"x\\uD8', '3D', '\\u', 'DE0', '0', '"']) {
      parser.write(piece);
      seen.push(parser.snapshot());
    }
    expect(seen).toEqual(['x', 'x', 'x', 'x', 'x😀', 'x😀']);
    expect(parser.end()).toBe('x😀');
  });

  it('holds back a raw high surrogate until the rest of the character arrives', () => {
    expect(snapshotAfter('["a\uD83C')).toEqual(['a']);
    expect(snapshotAfter('["a\uD83C', '\uDF0D')).toEqual(['a🌍']);
  });

  it('keeps a lone surrogate escape that never gets its pair', () => {
    expect(parseJsonPrefix('"\\uD800"')).toEqual({ value: '\uD800', complete: true });
  });

  it.each([
    ['-', undefined],
    ['-1', -1],
    ['0', 0],
    ['-0', -0],
    ['12', 12],
    ['1.', 1],
    ['1.5', 1.5],
    ['1.5e', 1.5],
    ['1.5e-', 1.5],
    ['1.5e-3', 0.0015],
    ['2E+', 2],
    ['2E+1', 20],
  ])('shows the open number %j as the value of its longest valid prefix', (text, shown) => {
    expect(snapshotAfter(`[${text}`)).toEqual(shown === undefined ? [] : [shown]);
  });

  it('continues a number across writes', () => {
    expect(writeAll(['[12', '34', '.5', ']']).parser.end()).toEqual([1234.5]);
  });

  it('completes a top-level number only at the end of input or at whitespace', () => {
    const parser = new IncrementalJsonParser();
    parser.write('42');
    expect(parser.done).toBe(false);
    expect(parser.snapshot()).toBe(42);
    expect(parser.end()).toBe(42);
    expect(writeAll(['7 ']).parser.done).toBe(true);
  });

  it('shows true, false and null only once the literal is complete', () => {
    expect(snapshotAfter('[tr')).toEqual([]);
    expect(snapshotAfter('[tr', 'ue')).toEqual([true]);
    expect(snapshotAfter('{"a":fals')).toEqual({});
    expect(snapshotAfter('{"a":nul', 'l')).toEqual({ a: null });
  });

  it('does not show a key until its value is visible', () => {
    expect(snapshotAfter('{"ab')).toEqual({});
    expect(snapshotAfter('{"ab"')).toEqual({});
    expect(snapshotAfter('{"ab":')).toEqual({});
    expect(snapshotAfter('{"ab": -')).toEqual({});
    expect(snapshotAfter('{"ab": "')).toEqual({ ab: '' });
    expect(snapshotAfter('{"a":1,"b')).toEqual({ a: 1 });
  });

  it('shows a container as soon as it opens', () => {
    expect(snapshotAfter('{"a":[{')).toEqual({ a: [{}] });
    expect(snapshotAfter('[[')).toEqual([[]]);
  });

  it('shares completed containers between snapshots but copies the open ones', () => {
    const parser = new IncrementalJsonParser();
    parser.write('{"done":[1,{"x":2}],"open":[');
    const first = parser.snapshot() as { done: unknown; open: unknown[] };
    const second = parser.snapshot() as { done: unknown; open: unknown[] };
    expect(second).not.toBe(first);
    expect(second.open).not.toBe(first.open);
    expect(second.done).toBe(first.done);
  });

  it('never changes a snapshot already returned', () => {
    const parser = new IncrementalJsonParser();
    parser.write('{"list":[1,');
    const snapshot = parser.snapshot();
    parser.write('2],"text":"more"}');
    expect(snapshot).toEqual({ list: [1] });
    expect(parser.end()).toEqual({ list: [1, 2], text: 'more' });
  });

  it('returns the final value from snapshot() once done', () => {
    const parser = new IncrementalJsonParser();
    parser.write('{"a":[1]}  ');
    expect(parser.done).toBe(true);
    expect(parser.snapshot()).toBe(parser.end());
  });
});

describe('IncrementalJsonParser version', () => {
  /** The version after each piece, relative to the start. */
  function versionsAfter(pieces: string[]): number[] {
    const parser = new IncrementalJsonParser();
    return pieces.map((piece) => {
      parser.write(piece);
      return parser.version;
    });
  }

  it('does not change on whitespace', () => {
    const [afterOpen, afterSpaces, afterNewlines] = versionsAfter(['[1', '  ', '\n\t\r ']);
    expect(afterSpaces).toBe(afterOpen);
    expect(afterNewlines).toBe(afterOpen);
  });

  it('does not change while a key is written, only when its value becomes visible', () => {
    const versions = versionsAfter(['{', '"', 'key', '"', ':', ' ', '-', '1']);
    const [open, quote, key, closeQuote, colon, space, minus, one] = versions;
    expect([quote, key, closeQuote, colon, space, minus]).toEqual([open, open, open, open, open, open]);
    expect(one).toBeGreaterThan(open!);
  });

  it('does not change when a number gains characters that do not change its value', () => {
    const [one, dot, zero, five] = versionsAfter(['[1', '.', '0', '5']);
    expect([dot, zero]).toEqual([one, one]);
    expect(five).toBeGreaterThan(one!);
  });

  it('does not change when a value or container closes', () => {
    const [open, closeString, closeArray] = versionsAfter(['["a', '"', ']']);
    expect([closeString, closeArray]).toEqual([open, open]);
  });

  it('changes whenever the snapshot changes', () => {
    const parser = new IncrementalJsonParser();
    let version = parser.version;
    let snapshot = parser.snapshot();
    for (const piece of chunk('{"a": [1, "xy", {"b": true}], "c": -2.5e1}', [1])) {
      parser.write(piece);
      const next = parser.snapshot();
      if (!isDeepStrictEqual(next, snapshot))
        expect(parser.version, `after ${JSON.stringify(piece)}`).not.toBe(version);
      version = parser.version;
      snapshot = next;
    }
  });
});

describe('IncrementalJsonParser errors', () => {
  it('reports a wrong closing bracket with its position and the text around it', () => {
    const parser = new IncrementalJsonParser();
    parser.write('{"a":1]');
    expect(JsonSyntaxError.isInstance(parser.error)).toBe(true);
    expect(parser.error?.position).toBe(6);
    expect(parser.error?.message).toContain('position 6');
    expect(parser.error?.message).toContain("expected ',' or '}'");
    expect((parser.error as JsonSyntaxError | undefined)?.excerpt).toBe('{"a":1]');
  });

  it('counts the position across writes', () => {
    const parser = new IncrementalJsonParser();
    for (const piece of ['{"a"', ':1', ']']) parser.write(piece);
    expect(parser.error?.position).toBe(6);
    expect((parser.error as JsonSyntaxError | undefined)?.excerpt).toBe('{"a":1]');
  });

  it('reports trailing garbage after a complete value', () => {
    const parser = new IncrementalJsonParser();
    parser.write('{} x');
    expect(parser.error?.position).toBe(3);
    expect(() => parser.end()).toThrow(parser.error);
  });

  it('ignores input after an error and keeps the snapshot from before it', () => {
    const parser = new IncrementalJsonParser();
    parser.write('[1,]');
    const version = parser.version;
    parser.write('2]');
    expect(parser.version).toBe(version);
    expect(parser.snapshot()).toEqual([1]);
    expect(parser.done).toBe(false);
  });

  it.each([
    ['tru3', 3],
    ['"\\x"', 2],
    ['"a\nb"', 2],
    ['01', 1],
    ['-a', 1],
    ['1.e5', 2],
    ['{"a" 1}', 5],
    ['{1:2}', 1],
    ['[1 2]', 3],
    [']', 0],
    ['"\\u12G4"', 5],
  ])('rejects %j at position %i', (text, position) => {
    const parser = new IncrementalJsonParser();
    parser.write(text);
    expect(parser.error?.position).toBe(position);
    expect(() => JSON.parse(text)).toThrow();
  });

  it('throws an "unexpected end" error from end() when the value is incomplete', () => {
    const parser = new IncrementalJsonParser();
    parser.write('{"a":');
    expect(() => parser.end()).toThrow(/unexpected end of JSON input/);
    expect(parser.error?.position).toBe(5);
    expect(() => new IncrementalJsonParser().end()).toThrow(JsonSyntaxError);
  });
});

describe('IncrementalJsonParser openWidth', () => {
  it('counts the completed entries of every open container', () => {
    const parser = new IncrementalJsonParser();
    const widths: number[] = [];
    for (const piece of ['{"a":1,', '"b":[1,2,', '3', ']', ',"c":{"d":0', '}', '}']) {
      parser.write(piece);
      widths.push(parser.openWidth);
    }
    expect(widths).toEqual([1, 3, 3, 2, 2, 3, 0]);
  });

  it('does not count a repeated key twice', () => {
    const parser = new IncrementalJsonParser();
    parser.write('{"a":1,"a":2,');
    expect(parser.openWidth).toBe(1);
    expect(parser.snapshot()).toEqual({ a: 2 });
  });
});

describe('IncrementalJsonParser cost', () => {
  /** About 1 MB of JSON: many small items, then one long text. */
  function largeDocument(): string {
    const items = Array.from({ length: 5000 }, (_, index) => ({
      id: index,
      name: `item ${index}`,
      price: index * 1.25,
      description: 'a short description of the item, with "quotes" and é',
    }));
    return JSON.stringify({ title: 'large', items, text: 'lorem ipsum dolor sit amet, ∑ \n'.repeat(16_000) });
  }

  it('streams 1 MB in 4-character writes with throttled snapshots and copies at most 8 entries per byte', () => {
    const text = largeDocument();
    const parser = new IncrementalJsonParser();
    let copied = 0;
    let snapshots = 0;
    let bytesSinceSnapshot = 0;
    let lastVersion = parser.version;
    for (let start = 0; start < text.length; start += 4) {
      parser.write(text.slice(start, start + 4));
      bytesSinceSnapshot += 4;
      if (parser.version === lastVersion || bytesSinceSnapshot * 8 < parser.openWidth) continue;
      copied += parser.openWidth;
      parser.snapshot();
      snapshots += 1;
      lastVersion = parser.version;
      bytesSinceSnapshot = 0;
    }
    expect(text.length).toBeGreaterThan(1_000_000);
    expect(parser.end()).toEqual(JSON.parse(text));
    expect(snapshots).toBeGreaterThan(text.length / 16);
    expect(copied).toBeLessThanOrEqual(8 * text.length);
  });

  it('takes a snapshot after every write of a 1 MB string without copying it', () => {
    const body = 'x'.repeat(1 << 20);
    const parser = new IncrementalJsonParser();
    parser.write('{"title":"t","text":"');
    let widest = 0;
    let last = '';
    for (let start = 0; start < body.length; start += 4) {
      parser.write(body.slice(start, start + 4));
      last = (parser.snapshot() as { text: string }).text;
      widest = Math.max(widest, parser.openWidth);
    }
    parser.write('"}');
    expect(widest).toBe(1);
    expect(last.length).toBe(body.length);
    expect((parser.end() as { text: string }).text).toBe(body);
  });
});

describe('parseJsonPrefix', () => {
  it('returns a complete value', () => {
    expect(parseJsonPrefix('[1, {"a": "b"}]')).toEqual({ value: [1, { a: 'b' }], complete: true });
    expect(parseJsonPrefix('12')).toEqual({ value: 12, complete: true });
  });

  it('returns the partial value of a prefix', () => {
    expect(parseJsonPrefix('{"city":"Lis')).toEqual({ value: { city: 'Lis' }, complete: false });
    expect(parseJsonPrefix('')).toEqual({ value: undefined, complete: false });
  });

  it('returns the syntax error with the value before it', () => {
    const result = parseJsonPrefix('{"a":1]');
    expect(result.value).toEqual({ a: 1 });
    expect(result.complete).toBe(false);
    expect(result.error?.position).toBe(6);
  });
});
