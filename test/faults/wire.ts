import type { FaultAnswer, FaultStep } from './fault-server.js';

/** One server-sent event per value: JSON for objects, verbatim for strings. */
export function sse(...values: unknown[]): string {
  return values
    .map((value) => `data: ${typeof value === 'string' ? value : JSON.stringify(value)}\n\n`)
    .join('');
}

/** A chat-completions chunk carrying a text delta. */
export function chatText(content: string): object {
  return {
    id: 'chatcmpl-fault',
    object: 'chat.completion.chunk',
    choices: [{ index: 0, delta: { content } }],
  };
}

/** A chat-completions chunk carrying one tool-call delta. */
export function chatToolCall(delta: {
  index: number;
  id?: string;
  name?: string;
  arguments?: string;
}): object {
  const call = {
    index: delta.index,
    ...(delta.id === undefined ? {} : { id: delta.id, type: 'function' }),
    function: {
      ...(delta.name === undefined ? {} : { name: delta.name }),
      arguments: delta.arguments ?? '',
    },
  };
  return { id: 'chatcmpl-fault', choices: [{ index: 0, delta: { tool_calls: [call] } }] };
}

/** The last chat-completions chunk: the finish reason and usage. */
export function chatFinish(finishReason = 'stop'): object {
  return {
    id: 'chatcmpl-fault',
    choices: [{ index: 0, delta: {}, finish_reason: finishReason }],
    usage: { prompt_tokens: 5, completion_tokens: 3, total_tokens: 8 },
  };
}

/** A complete chat-completions stream answering with the given text deltas. */
export function chatStream(...deltas: string[]): string {
  return sse(...deltas.map(chatText), chatFinish(), '[DONE]');
}

/** A 200 event-stream answer running `steps`. */
export function streamAnswer(...steps: FaultStep[]): FaultAnswer {
  return { status: 200, headers: { 'content-type': 'text/event-stream' }, steps };
}

/** A 200 event-stream answer with the whole body written at once. */
export function okStream(body: string): FaultAnswer {
  return streamAnswer({ write: body });
}

/** An error status with a JSON body. */
export function errorAnswer(
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): FaultAnswer {
  return {
    status,
    headers: { 'content-type': 'application/json', ...headers },
    steps: [{ write: JSON.stringify(body) }],
  };
}

/** A non-streamed chat completion answering `text`. */
export function chatCompletion(text: string): FaultAnswer {
  return {
    status: 200,
    headers: { 'content-type': 'application/json' },
    steps: [
      {
        write: JSON.stringify({
          id: 'chatcmpl-fault',
          object: 'chat.completion',
          choices: [{ index: 0, message: { role: 'assistant', content: text }, finish_reason: 'stop' }],
          usage: { prompt_tokens: 5, completion_tokens: 3, total_tokens: 8 },
        }),
      },
    ],
  };
}

/** An Anthropic Messages stream event, `event:` line included. */
export function anthropicEvent(event: { type: string; [field: string]: unknown }): string {
  return `event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`;
}

/** The events that open an Anthropic message and its first text block. */
export function anthropicStart(): string {
  return (
    anthropicEvent({
      type: 'message_start',
      message: { id: 'msg_fault', role: 'assistant', usage: { input_tokens: 5, output_tokens: 1 } },
    }) + anthropicEvent({ type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } })
  );
}

/** An Anthropic text delta of block 0. */
export function anthropicText(text: string): string {
  return anthropicEvent({ type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text } });
}

/** The events that close block 0 and the message. */
export function anthropicEnd(): string {
  return (
    anthropicEvent({ type: 'content_block_stop', index: 0 }) +
    anthropicEvent({
      type: 'message_delta',
      delta: { stop_reason: 'end_turn' },
      usage: { output_tokens: 3 },
    }) +
    anthropicEvent({ type: 'message_stop' })
  );
}

/** A Gemini `streamGenerateContent?alt=sse` chunk with text, and a finish reason on the last one. */
export function geminiChunk(text: string, finishReason?: string): object {
  return {
    candidates: [
      { content: { role: 'model', parts: [{ text }] }, ...(finishReason ? { finishReason } : {}), index: 0 },
    ],
    ...(finishReason
      ? { usageMetadata: { promptTokenCount: 5, candidatesTokenCount: 3, totalTokenCount: 8 } }
      : {}),
    modelVersion: 'gemini-2.5-flash',
  };
}
