import { aguiHeaders } from './agui-headers.js';
import { toSSEStream } from './sse-stream.js';
import { type AGUIEventsOptions, toAGUIEvents } from './to-agui-events.js';
import type { UIStreamSource } from './ui-stream-source.js';

/**
 * A `Response` streaming the run to an AG-UI client as SSE `data:` events. When the client goes away the
 * body is cancelled and `abortController` (if given) aborts.
 *
 * @example
 * const input = fromAGUIInput(await request.json());
 * return toAGUIEventsResponse(agent.stream({ messages: input.messages, abortSignal: request.signal }), input);
 */
export function toAGUIEventsResponse(
  source: UIStreamSource,
  options: AGUIEventsOptions & { headers?: Record<string, string> },
): Response {
  const body = toSSEStream(toAGUIEvents(source, options), {
    onCancel: () => options.abortController?.abort(),
  });
  return new Response(body, { status: 200, headers: { ...aguiHeaders, ...options.headers } });
}
