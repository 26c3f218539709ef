import { withoutApprovalParts } from '../providers/shared/without-approval-parts.js';
import type { JSONObject } from '../spec/json-value.js';
import type { Message, MessagePart } from '../spec/message.js';
import { fromFantasyEnvelope, toFantasyEnvelope, type WriteContext } from './fantasy-parts.js';
import {
  type FantasyJSONOptions,
  providerDataFromFantasy,
  providerDataToFantasy,
} from './fantasy-provider-data.js';
import { messagePartFields } from './part-fields.js';
import {
  childContext,
  parseJsonText,
  type ReadContext,
  readArray,
  readEnum,
  readRecord,
} from './read-value.js';

const roles = ['system', 'user', 'assistant', 'tool'] as const;

/**
 * Messages in the JSON of Fantasy (Go), `[]fantasy.Message`: parts as `{type, data}` envelopes with
 * snake_case fields, provider options as `{"<key>": {"type": "<typeID>", "data": {...}}}` with Fantasy's type
 * ids (`anthropic.cache_control_options`, `openai.responses.options`, ...). Crush and other Go programs can
 * load the result with `json.Unmarshal`.
 *
 * @example
 * const json = JSON.stringify(toFantasyJSON(history));
 */
export function toFantasyJSON(messages: readonly Message[], options: FantasyJSONOptions = {}): JSONObject[] {
  const written = options.approvals === 'omit' ? withoutApprovalParts(messages) : messages;
  return written.map((message, index) => messageToFantasy(message, { path: `messages[${index}]`, options }));
}

/**
 * Messages from Fantasy's (Go) JSON: text, or the value `JSON.parse` gave. Throws an
 * `InvalidConversationError` naming the path of the first problem, e.g. "unknown provider data type".
 *
 * @example
 * const history = fromFantasyJSON(await readFile('session.json', 'utf8'));
 */
export function fromFantasyJSON(json: unknown): Message[] {
  const value = typeof json === 'string' ? parseJsonText(json, 'fantasy-go') : json;
  const context: ReadContext = { format: 'fantasy-go', path: '' };
  return readArray(value, context).map((message, index) =>
    messageFromFantasy(message, childContext(context, index)),
  );
}

function messageToFantasy(message: Message, context: WriteContext): JSONObject {
  const content = message.content.map((part, index) =>
    toFantasyEnvelope(part as MessagePart & Record<string, unknown>, messagePartFields[part.type], {
      ...context,
      path: `${context.path}.content[${index}]`,
    }),
  );
  const providerOptions = providerDataToFantasy(message.providerOptions, {
    kind: 'options',
    path: `${context.path}.providerOptions`,
    options: context.options,
  });
  // Fantasy writes a message's empty options as null.
  return { role: message.role, content, provider_options: providerOptions ?? null };
}

function messageFromFantasy(value: unknown, context: ReadContext): Message {
  const record = readRecord(value, context);
  const role = readEnum(record.role, roles, childContext(context, 'role'));
  const contentContext = childContext(context, 'content');
  const content = readArray(record.content ?? [], contentContext).map((part, index) =>
    fromFantasyEnvelope<MessagePart>(part, 'message part', childContext(contentContext, index)),
  );
  const providerOptions = providerDataFromFantasy(
    record.provider_options,
    childContext(context, 'provider_options'),
  );
  return { role, content, ...(providerOptions === undefined ? {} : { providerOptions }) };
}
