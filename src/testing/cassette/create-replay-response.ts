import { InvalidCassetteError } from '../../errors/invalid-cassette-error.js';
import type { CassetteBody, CassetteHeaders, RecordedResponse } from './cassette.js';
import { cassetteBodyToBytes } from './cassette-body.js';

/** Statuses whose responses cannot have a body (the Response constructor rejects one). */
const nullBodyStatuses = new Set([101, 103, 204, 205, 304]);
/** The blank line that ends an SSE event, in each of the line-ending styles providers use. */
const eventSeparator = /\r\n\r\n|\n\n|\r\r/g;

/**
 * Builds the `Response` a replay answers with: recorded status, status text and headers (several values
 * joined with `, `), and a body streamed lazily. An SSE body arrives one event per chunk, so consumers see
 * a real stream; anything else arrives in one chunk, byte-exact. Aborting `signal` errors the body with
 * the signal's reason.
 */
export function createReplayResponse(options: {
  response: RecordedResponse;
  url: string;
  signal?: AbortSignal | undefined;
}): Response {
  const { response } = options;
  // The Response constructor accepts statuses 200 to 599 only, and header values without line breaks.
  if (!Number.isInteger(response.code) || response.code < 200 || response.code > 599) {
    throw invalid(options.url, `its recorded status ${response.code} is not an HTTP status from 200 to 599`);
  }
  const headers = toHeaders(response.headers, options.url);
  const chunks = splitIntoChunks(response.body, headers.get('content-type'));
  const body = nullBodyStatuses.has(response.code) ? null : createChunkStream(chunks, options.signal);
  let replayed: Response;
  try {
    replayed = new Response(body, { status: response.code, statusText: statusTextOf(response), headers });
  } catch (cause) {
    throw invalid(options.url, `its recorded status line "${response.status}" cannot be replayed`, cause);
  }
  // The constructor cannot set `url`; callers put it in error messages.
  Object.defineProperty(replayed, 'url', { value: options.url });
  return replayed;
}

/** The body as the chunks it is delivered in: one per SSE event, or the whole body at once. */
export function splitIntoChunks(body: CassetteBody, contentType: string | null): Uint8Array[] {
  const isEventStream = contentType?.toLowerCase().includes('text/event-stream') ?? false;
  if (typeof body !== 'string' || !isEventStream) {
    // A copy, so a consumer that transfers or mutates the chunk cannot change the cassette.
    return body.length === 0 ? [] : [cassetteBodyToBytes(body).slice()];
  }
  const events: string[] = [];
  let start = 0;
  for (const match of body.matchAll(eventSeparator)) {
    const end = match.index + match[0].length;
    events.push(body.slice(start, end));
    start = end;
  }
  if (start < body.length) events.push(body.slice(start));
  return events.map((event) => cassetteBodyToBytes(event));
}

function createChunkStream(
  chunks: Uint8Array[],
  signal: AbortSignal | undefined,
): ReadableStream<Uint8Array> {
  let index = 0;
  let stopListening = () => {};
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        if (!signal) return;
        const abort = () => controller.error(signal.reason);
        signal.addEventListener('abort', abort, { once: true });
        stopListening = () => signal.removeEventListener('abort', abort);
      },
      pull(controller) {
        const chunk = chunks[index++];
        if (chunk) return controller.enqueue(chunk);
        stopListening();
        controller.close();
      },
      cancel: () => stopListening(),
    },
    // Pull only when the consumer reads, so an abort mid-body leaves the rest undelivered.
    { highWaterMark: 0 },
  );
}

function toHeaders(recorded: CassetteHeaders, url: string): Headers {
  const headers = new Headers();
  for (const [name, values] of Object.entries(recorded)) {
    try {
      headers.set(name, values.join(', '));
    } catch {
      // Neither the value nor the runtime's message (which quotes it) is kept: it may hold a credential.
      throw invalid(url, `its recorded header ${JSON.stringify(name)} is not a valid HTTP header`);
    }
  }
  return headers;
}

function invalid(url: string, problem: string, cause?: unknown): InvalidCassetteError {
  return new InvalidCassetteError({
    message: `the response recorded for ${url} cannot be replayed: ${problem}`,
    cause,
  });
}

/** `200 OK` → `OK`. */
function statusTextOf(response: RecordedResponse): string {
  const prefix = `${response.code} `;
  return response.status.startsWith(prefix) ? response.status.slice(prefix.length) : '';
}
