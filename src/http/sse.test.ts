import { describe, expect, it, vi } from 'vitest';
import { SseEventTooLargeError } from '../errors/sse-event-too-large-error.js';
import { createSseParser, decodeSseStream, type SseEvent } from './sse.js';

const encoder = new TextEncoder();

/** Chat-completions style stream, mixing LF, CRLF and CR line ends, comments, `event:` and multi-line data. */
const fixture =
  '\uFEFF' +
  ': OPENROUTER PROCESSING\n' +
  '\n' +
  'data: {"id":"chatcmpl-1","object":"chat.completion.chunk","choices":[{"index":0,"delta":{"role":"assistant","content":""}}]}\n' +
  '\n' +
  'data: {"id":"chatcmpl-1","choices":[{"index":0,"delta":{"content":"Olá 🌍"}}]}\r\n' +
  '\r\n' +
  ':keep-alive\r' +
  'event: content_block_delta\r' +
  'id: 7\r' +
  'data: {"type":"content_block_delta",\r' +
  'data:  "text":"日本語 ✓"}\r' +
  '\r' +
  'retry: 3000\n' +
  'event: ping\n' +
  '\n' +
  'data\n' +
  '\n' +
  'unknown: field\r\n' +
  'data:no-space\r\n' +
  'data:second line\r\n' +
  '\r\n' +
  'data: {"choices":[{"delta":{},"finish_reason":"stop"}],"usage":{"prompt_tokens":9,"completion_tokens":3}}\r\n' +
  '\r\n' +
  'data: [DONE]\n' +
  '\n';

const expectedEvents: SseEvent[] = [
  {
    event: undefined,
    id: undefined,
    data: '{"id":"chatcmpl-1","object":"chat.completion.chunk","choices":[{"index":0,"delta":{"role":"assistant","content":""}}]}',
  },
  {
    event: undefined,
    id: undefined,
    data: '{"id":"chatcmpl-1","choices":[{"index":0,"delta":{"content":"Olá 🌍"}}]}',
  },
  { event: 'content_block_delta', id: '7', data: '{"type":"content_block_delta",\n "text":"日本語 ✓"}' },
  { event: undefined, id: undefined, data: '' },
  { event: undefined, id: undefined, data: 'no-space\nsecond line' },
  {
    event: undefined,
    id: undefined,
    data: '{"choices":[{"delta":{},"finish_reason":"stop"}],"usage":{"prompt_tokens":9,"completion_tokens":3}}',
  },
  { event: undefined, id: undefined, data: '[DONE]' },
];

/** A body that hands out the given chunks one `pull` at a time. */
function streamOf(chunks: Uint8Array[]): ReadableStream<Uint8Array> {
  let index = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      const chunk = chunks[index];
      index += 1;
      if (chunk === undefined) controller.close();
      else controller.enqueue(chunk);
    },
  });
}

async function collect(body: ReadableStream<Uint8Array>, maxEventBytes?: number): Promise<SseEvent[]> {
  const events: SseEvent[] = [];
  const options = maxEventBytes === undefined ? {} : { maxEventBytes };
  for await (const event of decodeSseStream(body, options)) events.push(event);
  return events;
}

/** Feeds text chunks straight into a parser and records what it reports. */
function parseChunks(chunks: string[]): { events: SseEvent[]; comments: string[] } {
  const events: SseEvent[] = [];
  const comments: string[] = [];
  const parser = createSseParser({
    onEvent: (event) => events.push(event),
    onComment: (text) => comments.push(text),
  });
  for (const chunk of chunks) parser.feed(chunk);
  parser.end();
  return { events, comments };
}

function splitEvery(bytes: Uint8Array, size: number): Uint8Array[] {
  const chunks: Uint8Array[] = [];
  for (let start = 0; start < bytes.length; start += size) chunks.push(bytes.subarray(start, start + size));
  return chunks;
}

describe('decodeSseStream', () => {
  const bytes = encoder.encode(fixture);

  it('decodes the fixture delivered as a single chunk', async () => {
    expect(await collect(streamOf([bytes]))).toEqual(expectedEvents);
  });

  it('gives the same events when the bytes are split in two at every offset', async () => {
    for (let offset = 0; offset <= bytes.length; offset += 1) {
      const chunks = [bytes.subarray(0, offset), bytes.subarray(offset)];
      expect(await collect(streamOf(chunks)), `split at byte ${offset}`).toEqual(expectedEvents);
    }
  });

  it('gives the same events when the bytes arrive one at a time', async () => {
    expect(await collect(streamOf(splitEvery(bytes, 1)))).toEqual(expectedEvents);
  });

  it('delivers a last event that the server did not end with a blank line', async () => {
    const body = streamOf([encoder.encode('data: first\n\ndata: last')]);
    expect((await collect(body)).map((event) => event.data)).toEqual(['first', 'last']);
  });

  it('delivers a last event followed by a single line end', async () => {
    const body = streamOf([encoder.encode('data: first\n\ndata: last\r')]);
    expect((await collect(body)).map((event) => event.data)).toEqual(['first', 'last']);
  });

  it('cancels the body when the consumer stops early', async () => {
    const cancel = vi.fn();
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        controller.enqueue(encoder.encode(`data: ${sent}\n\n`));
        sent += 1;
      },
      cancel,
    });
    const received: string[] = [];
    for await (const event of decodeSseStream(body)) {
      received.push(event.data);
      if (received.length === 3) break;
    }
    expect(received).toEqual(['0', '1', '2']);
    expect(cancel).toHaveBeenCalledOnce();
    expect(body.locked).toBe(false);
  });

  it('does not cancel a body that was read to the end', async () => {
    const cancel = vi.fn();
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(encoder.encode('data: only\n\n'));
        controller.close();
      },
      cancel,
    });
    expect((await collect(body)).map((event) => event.data)).toEqual(['only']);
    expect(cancel).not.toHaveBeenCalled();
    expect(body.locked).toBe(false);
  });

  it('propagates an error from the body unchanged, after the events before it', async () => {
    const failure = new TypeError('network connection reset');
    let pulls = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulls += 1;
        if (pulls === 1) controller.enqueue(encoder.encode('data: before\n\n'));
        else controller.error(failure);
      },
    });
    const received: string[] = [];
    const consume = async () => {
      for await (const event of decodeSseStream(body)) received.push(event.data);
    };
    await expect(consume()).rejects.toBe(failure);
    expect(received).toEqual(['before']);
  });

  it('throws SseEventTooLargeError and cancels the body when an event exceeds maxEventBytes', async () => {
    const cancel = vi.fn();
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        controller.enqueue(encoder.encode(`data: ${'x'.repeat(40)}\n`));
      },
      cancel,
    });
    const error = await collect(body, 1000).catch((caught: unknown) => caught);
    expect(SseEventTooLargeError.isInstance(error)).toBe(true);
    expect((error as SseEventTooLargeError).limit).toBe(1000);
    expect(cancel).toHaveBeenCalledOnce();
  });
});

describe('createSseParser', () => {
  it('reports comments without the colon and one leading space', () => {
    const { comments } = parseChunks([fixture]);
    expect(comments).toEqual(['OPENROUTER PROCESSING', 'keep-alive']);
  });

  it('gives the same events and comments when the text is split in two at every offset', () => {
    const whole = parseChunks([fixture]);
    for (let offset = 0; offset <= fixture.length; offset += 1) {
      const split = parseChunks([fixture.slice(0, offset), fixture.slice(offset)]);
      expect(split, `split at character ${offset}`).toEqual(whole);
    }
  });

  it('treats a CR ending one chunk and an LF starting the next as a single line end', () => {
    const { events } = parseChunks(['data: a\r', '\ndata: b\r', '\n\r', '\n']);
    expect(events).toEqual([{ event: undefined, id: undefined, data: 'a\nb' }]);
  });

  it('treats a CR ending one chunk as a line end when the next chunk does not start with LF', () => {
    const { events } = parseChunks(['data: a\r', 'data: b\r', '\r']);
    expect(events.map((event) => event.data)).toEqual(['a\nb']);
  });

  it('strips a byte order mark only at the start of the stream', () => {
    const { events } = parseChunks(['\uFEFFdata: a\n\n', '\uFEFFdata: b\n\n']);
    expect(events.map((event) => event.data)).toEqual(['a']);
  });

  it('resets the event type after a blank line even when the event had no data', () => {
    const { events } = parseChunks(['event: ping\nid: 1\n\ndata: x\n\n']);
    expect(events).toEqual([{ event: undefined, id: undefined, data: 'x' }]);
  });

  it('ignores an id that contains NULL', () => {
    const { events } = parseChunks(['id: a\0b\ndata: x\n\n']);
    expect(events).toEqual([{ event: undefined, id: undefined, data: 'x' }]);
  });

  it('keeps data that spans many chunks intact', () => {
    const data = 'y'.repeat(10_000);
    const text = `data: ${data}\n\n`;
    const chunks: string[] = [];
    for (let start = 0; start < text.length; start += 7) chunks.push(text.slice(start, start + 7));
    expect(parseChunks(chunks).events).toEqual([{ event: undefined, id: undefined, data }]);
  });

  it('accepts a 5 MB data line under the default limit', () => {
    const data = 'z'.repeat(5 * 1024 * 1024);
    const text = `data: ${data}\n\n`;
    const chunks: string[] = [];
    for (let start = 0; start < text.length; start += 65_536) chunks.push(text.slice(start, start + 65_536));
    const { events } = parseChunks(chunks);
    expect(events).toHaveLength(1);
    expect(events[0]?.data.length).toBe(data.length);
  });

  it('throws SseEventTooLargeError when data lines add up past the limit', () => {
    const parser = createSseParser({ onEvent: () => undefined, maxEventBytes: 100 });
    parser.feed(`data: ${'a'.repeat(60)}\n`);
    expect(() => parser.feed(`data: ${'b'.repeat(60)}\n`)).toThrow(SseEventTooLargeError);
  });

  it('throws SseEventTooLargeError with the limit and the start of the event when one line grows too long', () => {
    const parser = createSseParser({ onEvent: () => undefined, maxEventBytes: 100 });
    parser.feed('data: ');
    let error: unknown;
    try {
      for (let index = 0; index < 50; index += 1) parser.feed('0123456789');
    } catch (caught) {
      error = caught;
    }
    expect(SseEventTooLargeError.isInstance(error)).toBe(true);
    const tooLarge = error as SseEventTooLargeError;
    expect(tooLarge.limit).toBe(100);
    expect(tooLarge.excerpt.startsWith('data: 0123456789')).toBe(true);
    expect(tooLarge.excerpt.length).toBeLessThanOrEqual(200);
    expect(tooLarge.message).toContain('maxEventBytes');
  });
});
