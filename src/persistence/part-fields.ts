import type { Content } from '../spec/content.js';
import type { JSONValue } from '../spec/json-value.js';
import type { MessagePart, ToolResultOutput } from '../spec/message.js';

/** What a field holds, which decides how it is checked and how it is written in each format. */
export type FieldKind =
  | 'string'
  | 'boolean'
  | 'bytes'
  | 'error'
  | 'sourceType'
  | 'toolOutput'
  | 'json'
  | 'providerOptions'
  | 'providerMetadata';

/**
 * One field of a part. Its name in Fantasy's (Go) JSON is the snake_case of `key`. Go reads an absent field
 * as its zero value, so an optional field that reads as `''` or `false` there is left out.
 */
export interface FieldSpec {
  key: string;
  kind: FieldKind;
  optional?: true;
  /** Fantasy writes this when the field is absent (its structs have no `omitempty` on it). */
  goZero?: JSONValue;
  /** Its name in Fantasy's JSON when that is not the snake_case of `key`. */
  goName?: string;
}

/** The field's name in Fantasy's (Go) JSON. */
export function goNameOf(field: FieldSpec): string {
  return field.goName ?? camelToSnake(field.key);
}

const required = (key: string, kind: FieldKind, goZero?: JSONValue): FieldSpec =>
  goZero === undefined ? { key, kind } : { key, kind, goZero };
const optional = (key: string, kind: FieldKind, goZero?: JSONValue): FieldSpec =>
  goZero === undefined ? { key, kind, optional: true } : { key, kind, optional: true, goZero };

const options = optional('providerOptions', 'providerOptions');
const metadata = optional('providerMetadata', 'providerMetadata');
const providerExecuted = optional('providerExecuted', 'boolean', false);

const approvalRequestFields = [
  required('approvalId', 'string'),
  required('toolCallId', 'string'),
  required('toolName', 'string'),
  required('input', 'string'),
  providerExecuted,
];

/**
 * The fields of each message part, in Fantasy's order. `toolName` on a tool result is ours: Fantasy has no
 * such field and ignores it when reading.
 */
export const messagePartFields: Readonly<Record<MessagePart['type'], readonly FieldSpec[]>> = {
  text: [required('text', 'string'), options],
  reasoning: [required('text', 'string'), options],
  file: [
    optional('filename', 'string', ''),
    required('data', 'bytes'),
    required('mediaType', 'string'),
    options,
  ],
  'tool-call': [
    required('toolCallId', 'string'),
    required('toolName', 'string'),
    required('input', 'string'),
    providerExecuted,
    options,
  ],
  'tool-result': [
    required('toolCallId', 'string'),
    optional('toolName', 'string'),
    required('output', 'toolOutput'),
    providerExecuted,
    optional('clientMetadata', 'string'),
    options,
  ],
  // Fantasy has no approvals: these two are ours, written in its envelope style (see the README).
  'tool-approval-request': [...approvalRequestFields, options],
  'tool-approval-response': [
    required('approvalId', 'string'),
    required('toolCallId', 'string'),
    required('approved', 'boolean'),
    optional('reason', 'string'),
    providerExecuted,
    options,
  ],
};

/** The fields of each response content. `stopTurn` is ours: Fantasy drops it (its quirk Q7). */
export const contentFields: Readonly<Record<Content['type'], readonly FieldSpec[]>> = {
  text: [required('text', 'string'), metadata],
  reasoning: [required('text', 'string'), metadata],
  file: [required('mediaType', 'string'), required('data', 'bytes'), metadata],
  source: [
    required('sourceType', 'sourceType'),
    required('id', 'string'),
    optional('url', 'string'),
    optional('title', 'string'),
    optional('mediaType', 'string'),
    optional('filename', 'string'),
    metadata,
  ],
  'tool-call': [
    required('toolCallId', 'string'),
    required('toolName', 'string'),
    required('input', 'string'),
    providerExecuted,
    metadata,
    optional('invalid', 'boolean'),
    optional('validationError', 'error'),
  ],
  'tool-result': [
    required('toolCallId', 'string'),
    required('toolName', 'string'),
    // One name, `output`, in content and in message parts; Fantasy calls the content's field `result`.
    { ...optional('output', 'toolOutput', null), goName: 'result' },
    optional('clientMetadata', 'string'),
    providerExecuted,
    metadata,
    optional('stopTurn', 'boolean'),
  ],
  'tool-approval-request': [...approvalRequestFields, metadata],
};

/** The fields of each tool result output. */
export const toolOutputFields: Readonly<Record<ToolResultOutput['type'], readonly FieldSpec[]>> = {
  text: [required('text', 'string')],
  // Ours: Fantasy has no JSON output, so its format gets the JSON text as a `text` output.
  json: [required('value', 'json')],
  error: [required('error', 'string')],
  media: [required('data', 'string'), required('mediaType', 'string'), optional('text', 'string')],
};

/** `fooBar` → `foo_bar`: Fantasy's JSON field names. */
export function camelToSnake(key: string): string {
  return key.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
}

/** `foo_bar` → `fooBar`. */
export function snakeToCamel(key: string): string {
  return key.replace(/_([a-z])/g, (_match, letter: string) => letter.toUpperCase());
}
