import type { NodeResponseInit, NodeResponseLike } from './node-response-like.js';
import { type SSEStreamOptions, toSSEText } from './sse-stream.js';

/**
 * Writes events as SSE to a Node response, waiting for `drain` when the socket is full. When the client
 * closes the connection first, the events' iterator is returned, which ends the run behind it. Resolves
 * when the response has ended.
 */
export async function pipeSSEToNodeResponse(
  events: AsyncIterable<unknown>,
  response: NodeResponseLike,
  options: NodeResponseInit & SSEStreamOptions & { headers: Record<string, string> },
): Promise<void> {
  const iterator = toSSEText(events, options)[Symbol.asyncIterator]();
  let closed = false;
  let wakeDrain: (() => void) | undefined;
  const onClose = () => {
    if (closed || response.writableEnded === true) return;
    closed = true;
    options.onCancel?.();
    wakeDrain?.();
  };
  const onDrain = () => wakeDrain?.();
  response.on('close', onClose);
  response.on('drain', onDrain);
  response.writeHead(options.status ?? 200, options.headers);
  try {
    while (!closed) {
      const next = await iterator.next();
      if (next.done) break;
      if (closed) break;
      if (!response.write(next.value)) await new Promise<void>((resolve) => (wakeDrain = resolve));
    }
  } finally {
    wakeDrain = undefined;
    response.off?.('drain', onDrain);
    response.off?.('close', onClose);
    // The client left: returning the iterator aborts the run (see toUIMessageStream's abortController).
    if (closed) await iterator.return?.(undefined);
    if (response.writableEnded !== true) response.end();
  }
}
