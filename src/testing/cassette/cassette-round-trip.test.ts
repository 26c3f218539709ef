import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Cassette, CassetteHeaders, RecordedInteraction } from './cassette.js';
import { readCassetteFile, writeCassetteFile } from './cassette-file.js';
import { createCassetteFetch } from './create-cassette-fetch.js';
import { parseCassette } from './parse-cassette.js';
import { stringifyCassette } from './stringify-cassette.js';

/** Text YAML treats specially, mixed with arbitrary UTF-16 (lone surrogates aside: YAML files are UTF-8). */
const text = fc
  .array(
    fc.oneof(
      fc.string({ unit: 'grapheme' }),
      fc.constantFrom(
        '\n',
        '\r\n',
        '\t',
        ' ',
        ': ',
        '# ',
        '- ',
        "'",
        '"',
        '|',
        '>',
        '---',
        '...',
        '&a',
        '*a',
        '!!',
      ),
      fc.constantFrom(
        'null',
        'true',
        '1',
        '0x1F',
        '1e3',
        '~',
        'yes',
        '<<',
        '@',
        '%',
        '`',
        '\u2028',
        '\ufeff',
      ),
      fc.constantFrom('__proto__', 'constructor', 'toString'),
    ),
    { maxLength: 8 },
  )
  .map((pieces) => pieces.join(''));

const headers: fc.Arbitrary<CassetteHeaders> = fc.dictionary(text, fc.array(text, { maxLength: 3 }), {
  maxKeys: 4,
});

/** Response header text: what `Headers` accepts (tab, printable ASCII and Latin-1), YAML's specials included. */
const headerText = fc
  .array(
    fc.oneof(
      fc.string({ unit: fc.constantFrom(...'aZ09 \t!#:-~é\u00ff'.split('')) }),
      fc.constantFrom(
        ': ',
        '# ',
        '- ',
        "'",
        '"',
        '|',
        '>',
        '---',
        '&a',
        '*a',
        '!!',
        'null',
        'true',
        '1',
        '~',
      ),
    ),
    { maxLength: 6 },
  )
  .map((pieces) => pieces.join(''));

/** Response header names are HTTP tokens, including ones that are also Object.prototype names. */
const responseHeaders: fc.Arbitrary<CassetteHeaders> = fc.dictionary(
  fc.oneof(
    fc.string({ unit: fc.constantFrom(...'abz-_09!~'.split('')), minLength: 1 }),
    fc.constantFrom('__proto__', 'constructor', 'toString', 'content-type'),
  ),
  fc.array(headerText, { maxLength: 3 }),
  { maxKeys: 4 },
);

const body = fc.oneof(text, fc.uint8Array({ maxLength: 200 }));

const interaction = (id: number): fc.Arbitrary<RecordedInteraction> =>
  fc.record({
    id: fc.constant(id),
    request: fc.record(
      {
        method: fc.constantFrom('POST', 'GET'),
        url: text,
        body,
        headers,
        proto: fc.constantFrom('HTTP/1.1', 'HTTP/2.0', ''),
        contentLength: fc.integer({ min: -1, max: 1_000_000 }),
        host: text,
        form: headers,
      },
      { requiredKeys: ['method', 'url', 'body', 'headers', 'proto', 'contentLength', 'host'] },
    ),
    response: fc.record(
      {
        code: fc.integer({ min: 200, max: 599 }),
        status: headerText,
        body,
        headers: responseHeaders,
        proto: fc.constantFrom('HTTP/1.1', 'HTTP/2.0'),
        contentLength: fc.integer({ min: -1, max: 1_000_000 }),
        duration: text,
        transferEncoding: fc.array(text, { maxLength: 2 }),
        uncompressed: fc.constant(true as const),
      },
      { requiredKeys: ['code', 'status', 'body', 'headers', 'proto', 'contentLength', 'duration'] },
    ),
  });

const cassette: fc.Arbitrary<Cassette> = fc
  .integer({ min: 0, max: 3 })
  .chain((count) => fc.tuple(...Array.from({ length: count }, (_, id) => interaction(id))))
  .map((interactions) => ({ interactions }));

describe('cassette round trip', () => {
  it('reads back any cassette exactly as it was written', () => {
    fc.assert(
      fc.property(cassette, (written) => {
        expect(parseCassette(stringifyCassette(written))).toEqual(written);
      }),
      { seed: 20_260_127, numRuns: 300 },
    );
  });

  it('reads back a cassette file exactly as it was written', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'fantasy-round-trip-'));
    try {
      await fc.assert(
        fc.asyncProperty(cassette, async (written) => {
          const path = join(folder, 'cassette.yaml');
          await writeCassetteFile(path, written);
          expect(await readCassetteFile(path)).toEqual(written);
        }),
        { seed: 20_260_128, numRuns: 40 },
      );
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });

  it('keeps a query parameter and a header named __proto__ as data, through recording and reading', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'fantasy-proto-'));
    try {
      const path = join(folder, 'proto.yaml');
      const upstream = async () => new Response('{}', { headers: { 'content-type': 'application/json' } });
      const recorder = createCassetteFetch({ path, mode: 'record', fetch: upstream });
      await (await recorder('https://api.test/v1/x?__proto__=1&v=2', { method: 'POST', body: '{}' })).text();
      await recorder.done();
      const form = (await readCassetteFile(path))?.interactions[0]?.request.form;
      expect(Object.hasOwn(form ?? {}, '__proto__')).toBe(true);
      expect(form).toEqual(
        Object.fromEntries([
          ['__proto__', ['1']],
          ['v', ['2']],
        ]),
      );
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});
