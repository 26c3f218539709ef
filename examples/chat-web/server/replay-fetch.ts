import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** How the replayed sessions stream. */
export interface ReplayOptions {
  /** The pause between two SSE events, so text renders progressively and Stop can land mid-stream. */
  delayMs: number;
}

interface ChatRequestBody {
  messages?: { role?: string; content?: unknown; tool_call_id?: string }[];
}

const fixtures = new URL('../fixtures/', import.meta.url);

/**
 * A fetch for the OpenAI chat completions endpoint that answers from the recorded sessions in `fixtures/`
 * (raw SSE bodies), chosen by the conversation: an email request, its outcome after the approval, a long
 * story, or a hello that explains the replay. Events are sent one by one with a pause; the request's signal
 * cancels the body like a real connection.
 */
export function createReplayFetch(options: ReplayOptions): typeof fetch {
  return async (_input, init) => {
    const body = JSON.parse(String(init?.body ?? '{}')) as ChatRequestBody;
    const events = readFileSync(fileURLToPath(new URL(fixtureFor(body), fixtures)), 'utf8')
      .split('\n\n')
      .filter((event) => event.trim() !== '')
      .map((event) => `${event}\n\n`);
    init?.signal?.throwIfAborted();
    return new Response(streamEvents(events, options.delayMs, init?.signal ?? undefined), {
      status: 200,
      headers: { 'content-type': 'text/event-stream', 'x-request-id': 'replay' },
    });
  };
}

function fixtureFor(body: ChatRequestBody): string {
  const messages = body.messages ?? [];
  const last = messages.at(-1);
  if (last?.role === 'tool') {
    return String(last.content).includes('denied') ? 'email-denied.sse' : 'email-sent.sse';
  }
  const text = JSON.stringify(last?.content ?? '').toLowerCase();
  if (text.includes('email')) return 'email-request.sse';
  if (text.includes('story')) return 'story.sse';
  return 'hello.sse';
}

function streamEvents(
  events: string[],
  delayMs: number,
  signal: AbortSignal | undefined,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let index = 0;
  return new ReadableStream({
    async pull(controller) {
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      if (signal?.aborted) {
        controller.error(signal.reason);
        return;
      }
      const event = events[index++];
      if (event === undefined) controller.close();
      else controller.enqueue(encoder.encode(event));
    },
  });
}
