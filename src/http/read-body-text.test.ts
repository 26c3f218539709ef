import { describe, expect, it } from 'vitest';
import { ResponseTooLargeError } from '../errors/response-too-large-error.js';
import { readBodyText } from './read-body-text.js';

/** A response whose body arrives in exactly these chunks. */
function chunkedResponse(chunks: readonly Uint8Array[]): Response {
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(chunk);
      controller.close();
    },
  });
  return new Response(body);
}

const text = 'Olá, 🌍! {"a":[1,2,3]} ünïcödé';
const bytes = new TextEncoder().encode(text);

describe('readBodyText', () => {
  it('decodes a body split at every byte offset, multibyte characters across chunks included', async () => {
    for (let offset = 0; offset <= bytes.length; offset += 1) {
      const response = chunkedResponse([bytes.subarray(0, offset), bytes.subarray(offset)]);
      expect(await readBodyText(response, undefined)).toBe(text);
    }
  });

  it('decodes a body of one byte per chunk', async () => {
    const chunks = Array.from(bytes, (byte) => Uint8Array.of(byte));
    expect(await readBodyText(chunkedResponse(chunks), undefined)).toBe(text);
  });

  it('turns invalid UTF-8 into U+FFFD, as Response.text() does', async () => {
    const invalid = Uint8Array.of(0x61, 0xff, 0x62, 0xe2, 0x82);
    const expected = await new Response(invalid).text();
    expect(
      await readBodyText(chunkedResponse([invalid.subarray(0, 2), invalid.subarray(2)]), undefined),
    ).toBe(expected);
    expect(expected).toBe('a\uFFFDb\uFFFD');
  });

  it('fails past maxBytes, or keeps the first maxBytes with truncate', async () => {
    const response = () => chunkedResponse([bytes.subarray(0, 4), bytes.subarray(4)]);
    await expect(readBodyText(response(), undefined, { maxBytes: 6 })).rejects.toBeInstanceOf(
      ResponseTooLargeError,
    );
    expect(await readBodyText(response(), undefined, { maxBytes: 6, truncate: true })).toBe('Olá, ');
  });
});
