/** Options of an SSE body. */
export interface SSEStreamOptions {
  /** Ends with `data: [DONE]` (the UI message stream does; AG-UI does not). */
  done?: boolean;
  /**
   * Called at once when the reader goes away, even while an event is still awaited (returning the
   * iterator would wait for it): abort the run here.
   */
  onCancel?: () => void;
}

const encoder = new TextEncoder();

/** One event as SSE text: `data: <json>` and a blank line. */
export function formatSSEEvent(event: unknown): string {
  return `data: ${JSON.stringify(event)}\n\n`;
}

/** The SSE text of a stream of events, one string per event. */
export async function* toSSEText(
  events: AsyncIterable<unknown>,
  options: SSEStreamOptions = {},
): AsyncGenerator<string> {
  for await (const event of events) yield formatSSEEvent(event);
  if (options.done) yield 'data: [DONE]\n\n';
}

/**
 * A web `ReadableStream` of SSE bytes, pulled one event at a time. Cancelling it (the client went away)
 * returns the events' iterator, which ends the run behind it.
 */
export function toSSEStream(
  events: AsyncIterable<unknown>,
  options: SSEStreamOptions = {},
): ReadableStream<Uint8Array> {
  const iterator = toSSEText(events, options)[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const next = await iterator.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(next.value));
      },
      async cancel() {
        options.onCancel?.();
        await iterator.return?.(undefined);
      },
    },
    { highWaterMark: 0 },
  );
}
