import { wireTypeError } from '../shared/wire-type-error.js';

/** A message's or delta's content split into visible text and reasoning. */
export interface ChatContentPieces {
  text: string;
  reasoning: string;
  /** True when the content carried a `thinking` part (even an empty one). */
  hasReasoning: boolean;
}

/**
 * Reads `content` of a chat-completions message or delta: a string (most services), or an array of typed
 * parts, as Mistral's Magistral models send it: `[{ type: 'thinking', thinking: [{ type: 'text', text }] },
 * { type: 'text', text }]`. Parts of other types (Mistral's `reference`, images) carry no text and are skipped.
 * Undefined for absent or `null` content; anything else (an object, an array of strings, a number) is
 * malformed and throws an `InvalidResponseError` holding the value, so it never becomes `[object Object]` text.
 */
export function readChatContent(content: unknown, path: string): ChatContentPieces | undefined {
  if (content === undefined || content === null) return undefined;
  if (typeof content === 'string') return { text: content, reasoning: '', hasReasoning: false };
  if (!Array.isArray(content)) {
    throw wireTypeError({ path, expected: 'a string or an array of content parts', value: content });
  }
  const text: string[] = [];
  const reasoning: string[] = [];
  let hasReasoning = false;
  content.forEach((part: unknown, index) => {
    const at = `${path}[${index}]`;
    if (typeof part !== 'object' || part === null || Array.isArray(part)) {
      throw wireTypeError({ path: at, expected: 'a content part object', value: part });
    }
    const typed = part as { type?: unknown; text?: unknown; thinking?: unknown };
    if (typed.type === 'text') text.push(readText(typed.text, `${at}.text`));
    else if (typed.type === 'thinking') {
      hasReasoning = true;
      reasoning.push(readThinking(typed.thinking, `${at}.thinking`));
    }
  });
  return { text: text.join(''), reasoning: reasoning.join(''), hasReasoning };
}

/** Mistral's `thinking` is an array of text chunks; a plain string is read as well. */
function readThinking(thinking: unknown, path: string): string {
  if (thinking === undefined || thinking === null) return '';
  if (typeof thinking === 'string') return thinking;
  if (!Array.isArray(thinking)) {
    throw wireTypeError({ path, expected: 'an array of text chunks', value: thinking });
  }
  return thinking
    .map((chunk: unknown, index) => {
      const at = `${path}[${index}]`;
      if (typeof chunk !== 'object' || chunk === null || Array.isArray(chunk)) {
        throw wireTypeError({ path: at, expected: 'a text chunk object', value: chunk });
      }
      const typed = chunk as { type?: unknown; text?: unknown };
      return typed.type === undefined || typed.type === 'text' ? readText(typed.text, `${at}.text`) : '';
    })
    .join('');
}

function readText(text: unknown, path: string): string {
  if (text === undefined || text === null) return '';
  if (typeof text === 'string') return text;
  throw wireTypeError({ path, expected: 'a string', value: text });
}
