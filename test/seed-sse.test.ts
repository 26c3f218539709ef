import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { decodeSseStream, type SseEvent } from '../src/http/sse.js';
import { parseCassette } from '../src/testing/index.js';

const seedPath = fileURLToPath(new URL('./fixtures/seed-simple-object-streaming.yaml', import.meta.url));

async function seedBody(): Promise<Uint8Array> {
  const cassette = parseCassette(await readFile(seedPath, 'utf8'), { path: seedPath });
  const body = cassette.interactions[0]?.response.body ?? '';
  return typeof body === 'string' ? new TextEncoder().encode(body) : body;
}

function streamOf(chunks: Uint8Array[]): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(chunk);
      controller.close();
    },
  });
}

async function decode(chunks: Uint8Array[]): Promise<SseEvent[]> {
  const events: SseEvent[] = [];
  for await (const event of decodeSseStream(streamOf(chunks))) events.push(event);
  return events;
}

describe('the seed session body', () => {
  it('decodes to the same events when split into two chunks at every byte offset', async () => {
    const bytes = await seedBody();
    const whole = await decode([bytes]);
    expect(whole.map((event) => event.data).at(-1)).toBe('[DONE]');
    expect(whole).toHaveLength(4);
    for (let offset = 1; offset < bytes.length; offset++) {
      const split = await decode([bytes.subarray(0, offset), bytes.subarray(offset)]);
      expect(split).toEqual(whole);
    }
  });
});
