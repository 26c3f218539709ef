import type { StreamPart } from '../../src/spec/stream-part.js';

/** A fetch that answers every request with `answer()` and keeps the JSON bodies it was sent. */
export function answeringFetch(answer: () => Response): typeof fetch & { bodies: unknown[] } {
  const bodies: unknown[] = [];
  const fetchFunction = async (input: RequestInfo | URL, init?: RequestInit) => {
    const text = await new Request(input, init).text();
    bodies.push(text ? JSON.parse(text) : undefined);
    return answer();
  };
  return Object.assign(fetchFunction, { bodies }) as never;
}

/** A 200 event stream, one `data:` event per value (JSON for objects, verbatim for strings). */
export function sseBody(values: readonly unknown[], options: { done?: boolean } = {}): Response {
  const events = values.map(
    (value) => `data: ${typeof value === 'string' ? value : JSON.stringify(value)}\n\n`,
  );
  const text = events.join('') + (options.done === false ? '' : 'data: [DONE]\n\n');
  return new Response(text, { headers: { 'content-type': 'text/event-stream' } });
}

/** A 200 event stream with named events (`event: <type>`), as Anthropic and the Responses API send. */
export function namedSseBody(events: ReadonlyArray<{ type: string } & Record<string, unknown>>): Response {
  const text = events.map((event) => `event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`).join('');
  return new Response(text, { headers: { 'content-type': 'text/event-stream' } });
}

/** A 200 JSON response. */
export function jsonBody(value: unknown): Response {
  return new Response(JSON.stringify(value), { headers: { 'content-type': 'application/json' } });
}

/** Every part of a stream. */
export async function collectStream(stream: AsyncIterable<StreamPart>): Promise<StreamPart[]> {
  const parts: StreamPart[] = [];
  for await (const part of stream) parts.push(part);
  return parts;
}

/** The last part of a stream, which must be an error part: its error. */
export function streamError(parts: readonly StreamPart[]): unknown {
  const last = parts.at(-1);
  if (last?.type !== 'error')
    throw new Error(`the stream ended with ${last?.type ?? 'nothing'}, not an error`);
  return last.error;
}
