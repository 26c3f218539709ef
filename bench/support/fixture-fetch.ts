/**
 * A `fetch` served in process: every call answers 200 with a fresh `text/event-stream` body that enqueues
 * one event per pull. No network, no timers; the request is ignored.
 */
export function createFixtureFetch(body: EncodedBody): typeof fetch {
  return async () => new Response(createChunkStream(body), { headers: eventStreamHeaders });
}

/**
 * Events encoded into one buffer with their offsets. One object rather than one per event, so a fixture of
 * 262,000 events does not make every major GC of the measured code walk 262,000 fixture objects.
 */
export interface EncodedBody {
  bytes: Uint8Array;
  /** `offsets[i]` is where event `i` starts; one more entry marks the end. */
  offsets: Uint32Array;
}

/** Encodes the events for {@link createFixtureFetch}; each becomes its own body chunk, as a token in its own TCP segment. */
export function encodeEvents(events: readonly string[]): EncodedBody {
  const encoder = new TextEncoder();
  const encoded = events.map((event) => encoder.encode(event));
  const offsets = new Uint32Array(encoded.length + 1);
  for (let index = 0; index < encoded.length; index += 1)
    offsets[index + 1] = offsets[index]! + encoded[index]!.length;
  const bytes = new Uint8Array(offsets[encoded.length]!);
  for (let index = 0; index < encoded.length; index += 1) bytes.set(encoded[index]!, offsets[index]);
  return { bytes, offsets };
}

/** Like {@link createFixtureFetch}, but encodes the events lazily, so a huge body is never held in memory. */
export function createLazyFixtureFetch(eventCount: number, eventAt: (index: number) => string): typeof fetch {
  return async () => {
    const encoder = new TextEncoder();
    let index = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (index === eventCount) controller.close();
        else controller.enqueue(encoder.encode(eventAt(index++)));
      },
    });
    return new Response(body, { headers: eventStreamHeaders });
  };
}

const eventStreamHeaders = { 'content-type': 'text/event-stream' };

/** Enqueues a fresh view of one event per pull (readers may keep or transfer what they get). */
function createChunkStream({ bytes, offsets }: EncodedBody): ReadableStream<Uint8Array> {
  let index = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (index === offsets.length - 1) controller.close();
      else controller.enqueue(bytes.subarray(offsets[index], offsets[++index]));
    },
  });
}
