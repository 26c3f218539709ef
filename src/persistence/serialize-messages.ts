import type { JSONObject } from '../spec/json-value.js';
import type { Message } from '../spec/message.js';
import { checkMessage } from './check-parts.js';
import {
  childContext,
  failAt,
  parseJsonText,
  type ReadContext,
  readArray,
  readRecord,
} from './read-value.js';
import { decodeTaggedValue, encodeTaggedValue } from './tagged-value.js';

/** Names the document kind, so a file of messages is not read as something else. */
export const messagesFormat = 'fantasy-ts/messages';

/** The document version written; readers accept every version up to it. */
export const persistenceVersion = 1;

/**
 * The JSON document of a conversation: `{ format, version, messages }`, the messages as they are in memory
 * with bytes, errors and other values JSON cannot hold written as `$` tags. Nothing is lost: provider
 * options (signatures, encrypted reasoning, cache control) come back exactly as they were.
 *
 * @example
 * await writeFile('chat.json', JSON.stringify(messagesToJSON(history)));
 */
export function messagesToJSON(messages: readonly Message[]): JSONObject {
  return {
    format: messagesFormat,
    version: persistenceVersion,
    messages: messages.map((message, index) => encodeTaggedValue(message, `messages[${index}]`) ?? null),
  };
}

/**
 * The messages of a document `messagesToJSON` wrote (or of a bare array of them). Throws an
 * `InvalidConversationError` naming the path of the first problem.
 */
export function messagesFromJSON(json: unknown): Message[] {
  const context: ReadContext = { format: 'fantasy-ts', path: '' };
  const messages = Array.isArray(json) ? json : readEnvelope(json, messagesFormat, context).messages;
  const listContext = Array.isArray(json) ? context : childContext(context, 'messages');
  return readArray(messages, listContext).map((message, index) => {
    const messageContext = childContext(listContext, index);
    return checkMessage(decodeTaggedValue(message, messageContext), messageContext);
  });
}

/**
 * A conversation as JSON text, to store and continue later with `parseMessages`.
 *
 * @example
 * const text = serializeMessages(history);
 * // tomorrow:
 * const { response } = await agent.generate({ messages: parseMessages(text), prompt: 'And then?' });
 */
export function serializeMessages(messages: readonly Message[]): string {
  return JSON.stringify(messagesToJSON(messages));
}

/** The messages `serializeMessages` wrote; throws an `InvalidConversationError` for anything else. */
export function parseMessages(text: string): Message[] {
  return messagesFromJSON(parseJsonText(text, 'fantasy-ts'));
}

/** Reads `{ format, version, ... }` and checks that the format and version are ones this reader knows. */
export function readEnvelope(json: unknown, format: string, context: ReadContext): Record<string, unknown> {
  const envelope = readRecord(json, context);
  if (envelope.format !== format) {
    failAt(
      childContext(context, 'format'),
      `expected ${JSON.stringify(format)}, found ${JSON.stringify(envelope.format)}`,
    );
  }
  const version = envelope.version;
  if (
    typeof version !== 'number' ||
    !Number.isInteger(version) ||
    version < 1 ||
    version > persistenceVersion
  ) {
    failAt(
      childContext(context, 'version'),
      `version ${JSON.stringify(version)} is not supported (this reader knows 1 to ${persistenceVersion})`,
    );
  }
  return envelope;
}
