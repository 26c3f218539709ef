import type { JSONObject, JSONValue } from '../spec/json-value.js';
import { decodeBase64, encodeBase64 } from './base64.js';
import {
  type FantasyJSONOptions,
  type ProviderDataKind,
  providerDataFromFantasy,
  providerDataToFantasy,
} from './fantasy-provider-data.js';
import {
  contentFields,
  type FieldKind,
  type FieldSpec,
  goNameOf,
  messagePartFields,
  toolOutputFields,
} from './part-fields.js';
import {
  childContext,
  failAt,
  type ReadContext,
  readBoolean,
  readEnum,
  readRecord,
  readString,
} from './read-value.js';

/** Where a value is being written, for error messages, and how. */
export interface WriteContext {
  path: string;
  options: FantasyJSONOptions;
}

type Typed = { type: string } & Record<string, unknown>;

/** A part, content or tool output as Fantasy writes it: `{ "type": ..., "data": { snake_case fields } }`. */
export function toFantasyEnvelope(
  value: Typed,
  fields: readonly FieldSpec[],
  context: WriteContext,
): JSONObject {
  const data: JSONObject = {};
  for (const field of fields) {
    const item = value[field.key];
    const written =
      item === undefined
        ? field.goZero
        : writeField(item, field.kind, { ...context, path: `${context.path}.${field.key}` });
    if (written !== undefined) data[goNameOf(field)] = written;
  }
  return { type: value.type, data };
}

/** The kinds of `{ type, data }` envelopes, named as Fantasy's errors name them, with their fields by type. */
const envelopeKinds = {
  'message part': messagePartFields,
  content: contentFields,
  'tool result output content': toolOutputFields,
} as const;

/** A kind of envelope: `message part`, `content` or `tool result output content`. */
export type EnvelopeKind = keyof typeof envelopeKinds;

/** Reads `{ type, data }` with the fields of its type; an unknown type fails as Fantasy words it. */
export function fromFantasyEnvelope<T>(value: unknown, kind: EnvelopeKind, context: ReadContext): T {
  const table: Readonly<Record<string, readonly FieldSpec[]>> = envelopeKinds[kind];
  const envelope = readRecord(value, context);
  const type = readString(envelope.type, childContext(context, 'type'));
  const fields = Object.hasOwn(table, type) ? table[type] : undefined;
  if (fields === undefined) failAt(context, `unknown ${kind} type: ${type}`);
  const dataContext = childContext(context, 'data');
  const data = readRecord(envelope.data ?? {}, dataContext);
  const result: Record<string, unknown> = { type };
  for (const field of fields) {
    const item = readField(data[goNameOf(field)], field, childContext(dataContext, goNameOf(field)));
    if (item !== undefined) result[field.key] = item;
  }
  return result as T;
}

function writeField(value: unknown, kind: FieldKind, context: WriteContext): JSONValue | undefined {
  switch (kind) {
    case 'bytes':
      return encodeBase64(value as Uint8Array);
    case 'error':
      return (value as Error).message;
    case 'toolOutput':
      return toolOutputToFantasy(value as Typed, context);
    case 'providerOptions':
    case 'providerMetadata':
      return providerDataToFantasy(value as Record<string, Record<string, unknown>>, {
        kind: dataKind(kind),
        path: context.path,
        options: context.options,
      });
    default:
      return value as JSONValue;
  }
}

/** A tool output envelope; a JSON output, which Fantasy lacks, is written as a `text` output of its JSON text. */
function toolOutputToFantasy(value: Typed, context: WriteContext): JSONObject {
  if (value.type === 'json') {
    return { type: 'text', data: { text: JSON.stringify(value.value as JSONValue) } };
  }
  return toFantasyEnvelope(value, toolOutputFields[value.type as 'text'], context);
}

/** A field's value, or undefined to leave it out; Go's zero values stand for absent optional fields. */
function readField(value: unknown, field: FieldSpec, context: ReadContext): unknown {
  if (field.kind === 'providerOptions' || field.kind === 'providerMetadata') {
    return providerDataFromFantasy(value, context);
  }
  if (value === undefined || value === null) return field.optional ? undefined : zeroValue(field, context);
  const item = readPresentField(value, field.kind, context);
  return field.optional && (item === '' || item === false) ? undefined : item;
}

function readPresentField(value: unknown, kind: FieldKind, context: ReadContext): unknown {
  switch (kind) {
    case 'string':
      return readString(value, context);
    case 'boolean':
      return readBoolean(value, context);
    case 'bytes':
      return decodeBase64(readString(value, context)) ?? failAt(context, 'expected base64 text');
    case 'sourceType':
      return readEnum(value, ['url', 'document'], context);
    case 'error':
      return readValidationError(value, context);
    case 'json':
      return value;
    default:
      return fromFantasyEnvelope(value, 'tool result output content', context);
  }
}

/** Fantasy writes a validation error as its message (older versions wrote `{}` for Go's plain errors). */
function readValidationError(value: unknown, context: ReadContext): Error | undefined {
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) return undefined;
  const message = readString(value, context);
  return message === '' ? undefined : new Error(message);
}

function zeroValue(field: FieldSpec, context: ReadContext): unknown {
  if (field.kind === 'string') return '';
  if (field.kind === 'bytes') return new Uint8Array();
  return failAt(context, 'is missing');
}

function dataKind(kind: 'providerOptions' | 'providerMetadata'): ProviderDataKind {
  return kind === 'providerOptions' ? 'options' : 'metadata';
}
