import { InvalidUIMessageError } from '../errors/invalid-ui-message-error.js';
import { invalid, parseUIMessages } from './parse-ui-messages.js';
import type { UIMessage } from './ui-message.js';

/** What `useChat`'s default transport posts, checked. */
export interface UIChatRequest {
  /** The chat id. */
  id?: string;
  messages: UIMessage[];
  /** `submit-message` or `regenerate-message`. */
  trigger?: string;
  /** The message to regenerate, for `regenerate-message`. */
  messageId?: string;
  /** Every other field of the body (what the page passed as `body`). */
  extra: Record<string, unknown>;
}

/**
 * Checks a posted chat body (already parsed JSON, or its text) and returns it typed; throws
 * `InvalidUIMessageError` (answer with `uiErrorResponse`, a 400) when it is malformed.
 *
 * @example
 * const { messages } = parseUIChatRequest(await request.text());
 */
export function parseUIChatRequest(body: unknown): UIChatRequest {
  const value = typeof body === 'string' ? parseJsonText(body) : body;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw invalid('', 'expected a JSON object with `messages`');
  }
  const { id, messages, trigger, messageId, ...extra } = value as Record<string, unknown>;
  for (const [name, field] of Object.entries({ id, trigger, messageId })) {
    if (field !== undefined && field !== null && typeof field !== 'string')
      throw invalid(name, 'expected a string');
  }
  return {
    ...(typeof id === 'string' ? { id } : {}),
    messages: parseUIMessages(messages),
    ...(typeof trigger === 'string' ? { trigger } : {}),
    ...(typeof messageId === 'string' ? { messageId } : {}),
    extra,
  };
}

function parseJsonText(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new InvalidUIMessageError({ message: 'the body is not JSON', path: '', cause: error });
  }
}
