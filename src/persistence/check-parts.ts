import type { Content } from '../spec/content.js';
import type { Message, ToolResultOutput } from '../spec/message.js';
import {
  contentFields,
  type FieldKind,
  type FieldSpec,
  messagePartFields,
  toolOutputFields,
} from './part-fields.js';
import {
  childContext,
  failAt,
  type ReadContext,
  readArray,
  readBoolean,
  readEnum,
  readRecord,
  readString,
} from './read-value.js';

const roles = ['system', 'user', 'assistant', 'tool'] as const;

/** Checks that a decoded value is a message; returns it as is. */
export function checkMessage(value: unknown, context: ReadContext): Message {
  const record = readRecord(value, context);
  readEnum(record.role, roles, childContext(context, 'role'));
  const contentContext = childContext(context, 'content');
  readArray(record.content, contentContext).forEach((part, index) => {
    checkTyped(part, messagePartFields, childContext(contentContext, index));
  });
  checkField(record, optionsField, context);
  return record as unknown as Message;
}

/** Checks that a decoded value is response content; returns it as is. */
export function checkContent(value: unknown, context: ReadContext): Content {
  renameLegacyResult(value);
  return checkTyped(value, contentFields, context) as unknown as Content;
}

/** Documents written before 0.2 named a tool result's `output` `result`; they still read. */
function renameLegacyResult(value: unknown): void {
  if (typeof value !== 'object' || value === null) return;
  const record = value as Record<string, unknown>;
  if (record.type !== 'tool-result' || record.result === undefined || record.output !== undefined) return;
  record.output = record.result;
  delete record.result;
}

const optionsField: FieldSpec = { key: 'providerOptions', kind: 'providerOptions', optional: true };

function checkTyped(
  value: unknown,
  table: Readonly<Record<string, readonly FieldSpec[]>>,
  context: ReadContext,
): Record<string, unknown> {
  const record = readRecord(value, context);
  const type = readString(record.type, childContext(context, 'type'));
  const fields = Object.hasOwn(table, type) ? table[type] : undefined;
  if (fields === undefined) failAt(childContext(context, 'type'), `unknown type ${JSON.stringify(type)}`);
  for (const field of fields) checkField(record, field, context);
  return record;
}

function checkField(record: Record<string, unknown>, field: FieldSpec, context: ReadContext): void {
  const value = record[field.key];
  const fieldContext = childContext(context, field.key);
  if (value === undefined) {
    if (!field.optional) failAt(fieldContext, 'is missing');
    return;
  }
  kindCheckers[field.kind](value, fieldContext);
}

const kindCheckers: Record<FieldKind, (value: unknown, context: ReadContext) => void> = {
  string: readString,
  boolean: readBoolean,
  bytes: (value, context) => {
    if (!(value instanceof Uint8Array)) failAt(context, 'expected bytes (a $bytes tag)');
  },
  error: (value, context) => {
    if (!(value instanceof Error)) failAt(context, 'expected an error (an $error tag)');
  },
  sourceType: (value, context) => readEnum(value, ['url', 'document'], context),
  toolOutput: (value, context) => checkToolOutput(value, context),
  json: checkJsonValue,
  providerOptions: checkProviderData,
  providerMetadata: checkProviderData,
};

function checkToolOutput(value: unknown, context: ReadContext): ToolResultOutput {
  return checkTyped(value, toolOutputFields, context) as unknown as ToolResultOutput;
}

/** A JSON value: null, a boolean, a finite number, a string, or arrays and plain objects of them. */
function checkJsonValue(value: unknown, context: ReadContext): void {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) failAt(context, 'expected a finite number');
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((item, index) => {
      checkJsonValue(item, childContext(context, index));
    });
    return;
  }
  if (typeof value !== 'object' || Object.getPrototypeOf(value) !== Object.prototype) {
    failAt(context, 'expected a JSON value');
  }
  for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
    checkJsonValue(item, childContext(context, key));
  }
}

/** Provider options and metadata: an object of objects, keyed by provider. */
export function checkProviderData(value: unknown, context: ReadContext): void {
  for (const [provider, data] of Object.entries(readRecord(value, context))) {
    readRecord(data, childContext(context, provider));
  }
}
