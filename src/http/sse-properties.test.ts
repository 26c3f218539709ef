import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeSseStream, type SseEvent } from './sse.js';

const encoder = new TextEncoder();

/** A line of field text: any characters but line ends (lone surrogates excluded: the wire is UTF-8). */
const lineText = fc.string({ unit: 'grapheme', maxLength: 12 }).map((text) => text.replace(/[\r\n]/g, ''));

/** An event as a server sends it, and what the parser must deliver for it. */
interface WireEvent {
  event: string | undefined;
  id: string | undefined;
  lines: string[];
  /** Comment lines the server sends before the event's fields. */
  comments: string[];
}

const wireEvent: fc.Arbitrary<WireEvent> = fc.record({
  event: fc.option(
    lineText.filter((name) => name !== ''),
    { nil: undefined },
  ),
  id: fc.option(
    lineText.map((id) => id.replace(/\0/g, '')),
    { nil: undefined },
  ),
  lines: fc.array(lineText, { minLength: 1, maxLength: 4 }),
  comments: fc.array(lineText, { maxLength: 2 }),
});

const lineEnd = fc.constantFrom('\n', '\r\n', '\r');

/** Serializes events, each line ended by one of `ends` in turn, every event closed by a blank line. */
function serialize(events: WireEvent[], ends: string[], terminateLast: boolean): string {
  let index = 0;
  let previous = '';
  // A CR followed by an LF would be one CRLF line end, not two: write that LF as CRLF.
  const end = () => {
    const next = ends[index++ % ends.length] ?? '\n';
    previous = previous === '\r' && next === '\n' ? '\r\n' : next;
    return previous;
  };
  let text = '';
  events.forEach((event, position) => {
    for (const comment of event.comments) text += `:${comment}${end()}`;
    if (event.event !== undefined) text += `event: ${event.event}${end()}`;
    if (event.id !== undefined) text += `id: ${event.id}${end()}`;
    event.lines.forEach((line, lineIndex) => {
      const last = lineIndex === event.lines.length - 1 && position === events.length - 1;
      text += `data: ${line}${last && !terminateLast ? '' : end()}`;
    });
    if (position < events.length - 1 || terminateLast) text += end();
  });
  return text;
}

/** What the parser must deliver: the lines joined, the last event flagged when no blank line ended it. */
function expected(events: WireEvent[], terminateLast: boolean): SseEvent[] {
  return events.map((event, position) => ({
    event: event.event,
    data: event.lines.join('\n'),
    id: event.id,
    ...(position === events.length - 1 && !terminateLast ? { unterminated: true as const } : {}),
  }));
}

/** The bytes cut at the given offsets (sorted, deduplicated), so multibyte characters split too. */
function cut(bytes: Uint8Array, offsets: number[]): Uint8Array[] {
  const points = [...new Set(offsets.map((offset) => offset % (bytes.length + 1)))].sort((a, b) => a - b);
  const chunks: Uint8Array[] = [];
  let start = 0;
  for (const point of points) {
    chunks.push(bytes.subarray(start, point));
    start = point;
  }
  chunks.push(bytes.subarray(start));
  return chunks;
}

async function decode(chunks: Uint8Array[]): Promise<SseEvent[]> {
  let index = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      const chunk = chunks[index++];
      if (chunk === undefined) controller.close();
      else controller.enqueue(chunk);
    },
  });
  const events: SseEvent[] = [];
  for await (const event of decodeSseStream(body)) events.push(event);
  return events;
}

describe('decodeSseStream properties', () => {
  it('decodes any set of events, with any line ends, split into any chunks', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(wireEvent, { minLength: 1, maxLength: 6 }),
        fc.array(lineEnd, { minLength: 1, maxLength: 5 }),
        fc.array(fc.nat(), { maxLength: 12 }),
        fc.boolean(),
        async (events, ends, offsets, terminateLast) => {
          const bytes = encoder.encode(serialize(events, ends, terminateLast));
          expect(await decode(cut(bytes, offsets))).toEqual(expected(events, terminateLast));
        },
      ),
      { seed: 20_260_127, numRuns: 400 },
    );
  });
});
