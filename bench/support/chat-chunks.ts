import { createRandom, sentence } from './random.js';

/**
 * Chat-completions stream events as an OpenAI-compatible service sends them, one `data:` event per
 * delta. Both SDKs read the same bytes; every field their chunk schemas look at is present.
 */
const envelope =
  '{"id":"chatcmpl-bench","object":"chat.completion.chunk","created":1700000000,"model":"bench-model"';

function event(choice: string, extra = ''): string {
  return `data: ${envelope},"choices":[${choice}]${extra}}\n\n`;
}

function deltaChoice(delta: string, finishReason: string | null = null): string {
  return `{"index":0,"delta":${delta},"finish_reason":${finishReason === null ? 'null' : `"${finishReason}"`}}`;
}

const usage = ',"usage":{"prompt_tokens":10,"completion_tokens":20,"total_tokens":30}';
const done = 'data: [DONE]\n\n';

/** The events of an assistant message streamed as the given text deltas, ending with `stop`. */
export function textEvents(deltas: readonly string[]): string[] {
  return [textStartEvent, ...deltas.map(textDeltaEvent), ...textEndEvents];
}

/** The first event of an assistant message. */
export const textStartEvent = event(deltaChoice('{"role":"assistant","content":""}'));

/** The last events of an assistant message: the finish reason with usage, then `[DONE]`. */
export const textEndEvents: readonly string[] = [event(deltaChoice('{}', 'stop'), usage), done];

/** The events of one tool call whose arguments arrive as the given deltas, ending with `tool_calls`. */
export function toolCallEvents(options: {
  id: string;
  name: string;
  argumentDeltas: readonly string[];
}): string[] {
  const start = `{"role":"assistant","content":null,"tool_calls":[{"index":0,"id":"${options.id}","type":"function","function":{"name":"${options.name}","arguments":""}}]}`;
  const events = [event(deltaChoice(start))];
  for (const delta of options.argumentDeltas) {
    const fragment = `{"tool_calls":[{"index":0,"function":{"arguments":${JSON.stringify(delta)}}}]}`;
    events.push(event(deltaChoice(fragment)));
  }
  events.push(event(deltaChoice('{}', 'tool_calls'), usage), done);
  return events;
}

/** Splits `text` into pieces of `size` UTF-16 code units, never separating a surrogate pair. */
export function splitText(text: string, size: number): string[] {
  const pieces: string[] = [];
  let start = 0;
  while (start < text.length) {
    let end = Math.min(start + size, text.length);
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end += 1;
    pieces.push(text.slice(start, end));
    start = end;
  }
  return pieces;
}

/** One text-delta event, for bodies generated lazily. */
export function textDeltaEvent(delta: string): string {
  return event(deltaChoice(`{"content":${JSON.stringify(delta)}}`));
}

/** The text deltas of case 1: one or two words each, some with multibyte characters. */
export function buildTextDeltas(count: number): string[] {
  const random = createRandom(count);
  return Array.from({ length: count }, () => ` ${sentence(random, 1 + Math.floor(random() * 2))}`);
}
