import { toSSEStream } from './sse-stream.js';
import { toUIMessageStream } from './to-ui-message-stream.js';
import { uiMessageStreamHeaders } from './ui-message-chunk.js';
import type { UIMessageStreamOptions } from './ui-message-stream-options.js';
import type { UIStreamSource } from './ui-stream-source.js';

/** Status, headers and stream options of a UI message stream response. */
export interface UIMessageStreamResponseInit extends UIMessageStreamOptions {
  /** @default 200 */
  status?: number;
  statusText?: string;
  /** Added to the protocol headers. */
  headers?: Record<string, string>;
}

/**
 * A `Response` streaming the run to `useChat`: SSE `data:` events, `data: [DONE]` at the end, and the
 * `x-vercel-ai-ui-message-stream: v1` header. When the client goes away the body is cancelled and
 * `abortController` (if given) aborts.
 *
 * @example
 * export async function POST(request: Request) {
 *   const { messages } = parseUIChatRequest(await request.json());
 *   return toUIMessageStreamResponse(agent.stream({ messages: fromUIMessages(messages), abortSignal: request.signal }));
 * }
 */
export function toUIMessageStreamResponse(
  source: UIStreamSource,
  init: UIMessageStreamResponseInit = {},
): Response {
  const body = toSSEStream(toUIMessageStream(source, init), {
    done: true,
    onCancel: () => init.abortController?.abort(),
  });
  return new Response(body, {
    status: init.status ?? 200,
    ...(init.statusText === undefined ? {} : { statusText: init.statusText }),
    headers: { ...uiMessageStreamHeaders, ...init.headers },
  });
}
