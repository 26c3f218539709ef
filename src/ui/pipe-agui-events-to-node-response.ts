import { aguiHeaders } from './agui-headers.js';
import type { NodeResponseInit, NodeResponseLike } from './node-response-like.js';
import { pipeSSEToNodeResponse } from './pipe-sse-to-node-response.js';
import { type AGUIEventsOptions, toAGUIEvents } from './to-agui-events.js';
import type { UIStreamSource } from './ui-stream-source.js';

/**
 * Streams the run to an AG-UI client over a Node `http.ServerResponse`, using only the response it is
 * given. When the connection closes early, `abortController` (if given) aborts.
 */
export function pipeAGUIEventsToNodeResponse(
  source: UIStreamSource,
  response: NodeResponseLike,
  options: AGUIEventsOptions & NodeResponseInit,
): Promise<void> {
  return pipeSSEToNodeResponse(toAGUIEvents(source, options), response, {
    ...(options.status === undefined ? {} : { status: options.status }),
    headers: { ...aguiHeaders, ...options.headers },
    onCancel: () => options.abortController?.abort(),
  });
}
