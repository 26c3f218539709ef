import type { NodeResponseInit, NodeResponseLike } from './node-response-like.js';
import { pipeSSEToNodeResponse } from './pipe-sse-to-node-response.js';
import { toUIMessageStream } from './to-ui-message-stream.js';
import { uiMessageStreamHeaders } from './ui-message-chunk.js';
import type { UIMessageStreamOptions } from './ui-message-stream-options.js';
import type { UIStreamSource } from './ui-stream-source.js';

/**
 * Streams the run to `useChat` over a Node `http.ServerResponse`, using only the response it is given.
 * When the connection closes early, `abortController` (if given) aborts: pass its signal to the run.
 * Resolves when the response has ended.
 *
 * @example
 * const abortController = new AbortController();
 * const run = agent.stream({ messages: fromUIMessages(messages), abortSignal: abortController.signal });
 * await pipeUIMessageStreamToNodeResponse(run, res, { abortController });
 */
export function pipeUIMessageStreamToNodeResponse(
  source: UIStreamSource,
  response: NodeResponseLike,
  options: UIMessageStreamOptions & NodeResponseInit = {},
): Promise<void> {
  return pipeSSEToNodeResponse(toUIMessageStream(source, options), response, {
    ...(options.status === undefined ? {} : { status: options.status }),
    headers: { ...uiMessageStreamHeaders, ...options.headers },
    done: true,
    onCancel: () => options.abortController?.abort(),
  });
}
