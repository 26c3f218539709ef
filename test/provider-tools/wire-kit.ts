import type { StreamPart } from '../../src/spec/stream-part.js';

/** A request the fake fetch received. */
export interface RecordedRequest {
  url: string;
  headers: Headers;
  body: Record<string, unknown>;
}

/** A fetch that answers each request with the next response of the list, recording what it was sent. */
export function queuedFetch(...responses: Array<() => Response>) {
  const requests: RecordedRequest[] = [];
  const fetch = (async (url: string | URL | Request, init?: RequestInit) => {
    requests.push({
      url: String(url),
      headers: new Headers(init?.headers),
      body: JSON.parse(String(init?.body)),
    });
    const next = responses[requests.length - 1];
    if (next === undefined) throw new Error(`unexpected request ${requests.length} to ${String(url)}`);
    return next();
  }) as typeof globalThis.fetch;
  return { fetch, requests };
}

/** An SSE body of the events: `event:` lines when `named` (Anthropic), else `data:` only. */
export function sseResponse(events: readonly unknown[], options: { named?: boolean } = {}): Response {
  const text = events
    .map((event) => {
      const name = options.named ? `event: ${(event as { type: string }).type}\n` : '';
      return `${name}data: ${JSON.stringify(event)}\n\n`;
    })
    .join('');
  return new Response(new TextEncoder().encode(text), { headers: { 'content-type': 'text/event-stream' } });
}

/** Every part of a stream. */
export async function collect(parts: AsyncIterable<StreamPart>): Promise<StreamPart[]> {
  const collected: StreamPart[] = [];
  for await (const part of parts) collected.push(part);
  return collected;
}

/** The parts without the input deltas and finish, for comparing the shape of a stream. */
export function withoutDeltas(parts: readonly StreamPart[]): StreamPart[] {
  return parts.filter((part) => part.type !== 'tool-input-delta' && part.type !== 'finish');
}
