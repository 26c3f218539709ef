import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RecordedInteraction, RecordedResponse } from './cassette.js';
import { parseCassette } from './parse-cassette.js';
import { stringifyCassette } from './stringify-cassette.js';

/** A small interaction: POST {"n":id}, answered with {"answer":id}. */
function createInteraction(id: number, response: Partial<RecordedResponse> = {}): RecordedInteraction {
  return {
    id,
    request: {
      method: 'POST',
      url: 'https://api.example.com/v1/chat',
      body: `{"n":${id}}`,
      headers: { 'Content-Type': ['application/json'] },
      proto: 'HTTP/1.1',
      contentLength: 7,
      host: 'api.example.com',
    },
    response: {
      code: 200,
      status: '200 OK',
      body: `{"answer":${id}}`,
      headers: { 'Content-Type': ['application/json'] },
      proto: 'HTTP/2.0',
      contentLength: -1,
      duration: '1.5ms',
      ...response,
    },
  };
}

/** Strings built from pieces YAML treats specially, so block, quoted and plain styles all get exercised. */
const awkwardText = fc
  .array(
    fc.oneof(
      fc.string({ unit: 'binary' }),
      fc.constantFrom(
        '\n',
        '\r\n',
        '\r',
        ' ',
        '\t',
        '\n\n',
        '# ',
        '- ',
        ': ',
        "'",
        '"',
        '|',
        '>',
        '...',
        '---',
      ),
      fc.constantFrom('\u2028', '\ufeff', '\u0085', '\u0000', '\\r\\n', 'data: {"a":1}\n\n', 'é', '😀'),
    ),
  )
  .map((pieces) => pieces.join(''));

function roundTrip(body: string | Uint8Array) {
  const cassette = { interactions: [createInteraction(0, { body })] };
  return parseCassette(stringifyCassette(cassette)).interactions[0]?.response.body;
}

describe('stringifyCassette', () => {
  it('writes go-vcr version 2 with the layout Fantasy (Go) uses', () => {
    const text = stringifyCassette({ interactions: [createInteraction(0)] });
    expect(text).toBe(
      [
        '---',
        'version: 2',
        'interactions:',
        '- id: 0',
        '  request:',
        '    proto: HTTP/1.1',
        '    proto_major: 1',
        '    proto_minor: 1',
        '    content_length: 7',
        '    host: api.example.com',
        `    body: '{"n":0}'`,
        '    headers:',
        '      Content-Type:',
        '      - application/json',
        '    url: https://api.example.com/v1/chat',
        '    method: POST',
        '  response:',
        '    proto: HTTP/2.0',
        '    proto_major: 2',
        '    proto_minor: 0',
        '    content_length: -1',
        `    body: '{"answer":0}'`,
        '    headers:',
        '      Content-Type:',
        '      - application/json',
        '    status: 200 OK',
        '    code: 200',
        '    duration: 1.5ms',
        '',
      ].join('\n'),
    );
  });

  it('writes a multi-line text body as a block literal and keeps its trailing blank line', () => {
    const body = 'data: {"a":1}\n\ndata: [DONE]\n\n';
    const text = stringifyCassette({ interactions: [createInteraction(0, { body })] });
    expect(text).toContain('    body: |+\n      data: {"a":1}\n\n      data: [DONE]\n\n');
    expect(roundTrip(body)).toBe(body);
  });

  it('writes CRLF text double-quoted so every character survives', () => {
    const body = 'data: {"a":1}\r\n\r\n';
    expect(stringifyCassette({ interactions: [createInteraction(0, { body })] })).toContain(
      '    body: "data: {\\"a\\":1}\\r\\n\\r\\n"\n',
    );
    expect(roundTrip(body)).toBe(body);
  });

  it('writes bytes as !!binary base64 in lines of 70 characters', () => {
    const body = Uint8Array.from({ length: 120 }, (_, index) => (index * 37) % 256);
    const text = stringifyCassette({ interactions: [createInteraction(0, { body })] });
    const lines =
      Buffer.from(body)
        .toString('base64')
        .match(/.{1,70}/g) ?? [];
    expect(lines.map((line) => line.length)).toEqual([70, 70, 20]);
    expect(text).toContain(`    body: !!binary |\n${lines.map((line) => `      ${line}\n`).join('')}`);
    expect(roundTrip(body)).toEqual(body);
  });

  it('writes only the bytes of a view into a larger buffer', () => {
    const buffer = new Uint8Array([1, 2, 3, 4, 5, 6]);
    expect(roundTrip(buffer.subarray(2, 4))).toEqual(new Uint8Array([3, 4]));
  });

  it('reads back any text body exactly as written', () => {
    fc.assert(
      fc.property(awkwardText, (body) => {
        expect(roundTrip(body)).toBe(body);
      }),
      { seed: 1337, numRuns: 500 },
    );
  });

  it('reads back any binary body exactly as written', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), (body) => {
        expect(roundTrip(body)).toEqual(body);
      }),
      { seed: 4242, numRuns: 200 },
    );
  });

  it('keeps the optional go-vcr fields it read', () => {
    const interaction = createInteraction(0, { transferEncoding: ['chunked'], uncompressed: true });
    interaction.request.form = { alt: ['sse'] };
    const text = stringifyCassette({ interactions: [interaction] });
    expect(text).toContain('    form:\n      alt:\n      - sse\n');
    expect(text).toContain('    transfer_encoding:\n    - chunked\n');
    expect(text).toContain('    uncompressed: true\n');
    expect(parseCassette(text).interactions[0]).toEqual(interaction);
  });
});
