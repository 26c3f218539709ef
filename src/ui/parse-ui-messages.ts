import { InvalidUIMessageError } from '../errors/invalid-ui-message-error.js';
import type { UIMessage, UIMessagePart } from './ui-message.js';

type FieldKind = 'string' | 'boolean' | 'object' | 'metadata';
type Fields = Record<string, FieldKind>;

/** Required and optional fields of each part type fantasy-ts reads; other part types pass unchecked. */
const partFields: Record<string, { required: Fields; optional: Fields }> = {
  text: { required: { text: 'string' }, optional: { providerMetadata: 'metadata' } },
  reasoning: { required: { text: 'string' }, optional: { providerMetadata: 'metadata' } },
  file: {
    required: { url: 'string', mediaType: 'string' },
    optional: { filename: 'string', providerMetadata: 'metadata' },
  },
  tool: {
    required: { toolCallId: 'string', state: 'string' },
    optional: {
      toolName: 'string',
      errorText: 'string',
      providerExecuted: 'boolean',
      callProviderMetadata: 'metadata',
      resultProviderMetadata: 'metadata',
      approval: 'object',
    },
  },
};

const toolStates = new Set([
  'input-streaming',
  'input-available',
  'approval-requested',
  'approval-responded',
  'output-available',
  'output-error',
  'output-denied',
]);
const roles = new Set(['system', 'user', 'assistant']);

/**
 * Checks untrusted UI messages (what `useChat` posts) and returns them typed; throws
 * `InvalidUIMessageError` naming the first bad field. Part types fantasy-ts does not read pass unchecked.
 */
export function parseUIMessages(value: unknown, path = 'messages'): UIMessage[] {
  if (!Array.isArray(value)) throw invalid(path, 'expected an array of messages');
  return value.map((message, index) => parseUIMessage(message, `${path}[${index}]`));
}

function parseUIMessage(value: unknown, path: string): UIMessage {
  const message = expectObject(value, path);
  expectField(message, 'id', 'string', path);
  if (typeof message.role !== 'string' || !roles.has(message.role)) {
    throw invalid(`${path}.role`, `expected "system", "user" or "assistant", got ${describe(message.role)}`);
  }
  if (!Array.isArray(message.parts)) throw invalid(`${path}.parts`, 'expected an array of parts');
  message.parts.forEach((part, index) => {
    parseUIPart(part, `${path}.parts[${index}]`);
  });
  return message as unknown as UIMessage;
}

function parseUIPart(value: unknown, path: string): UIMessagePart {
  const part = expectObject(value, path);
  if (typeof part.type !== 'string')
    throw invalid(`${path}.type`, `expected a string, got ${describe(part.type)}`);
  const isTool = part.type.startsWith('tool-') || part.type === 'dynamic-tool';
  const fields = partFields[isTool ? 'tool' : part.type];
  if (fields === undefined) return part as unknown as UIMessagePart;
  for (const [name, kind] of Object.entries(fields.required)) expectField(part, name, kind, path);
  for (const [name, kind] of Object.entries(fields.optional)) {
    if (part[name] !== undefined && part[name] !== null) expectField(part, name, kind, path);
  }
  if (isTool) checkToolPart(part, path);
  return part as unknown as UIMessagePart;
}

function checkToolPart(part: Record<string, unknown>, path: string): void {
  if (!toolStates.has(part.state as string)) {
    throw invalid(`${path}.state`, `unknown tool state ${describe(part.state)}`);
  }
  if (part.type === 'dynamic-tool') expectField(part, 'toolName', 'string', path);
  else if (part.type === 'tool-')
    throw invalid(`${path}.type`, 'a tool part type needs the tool name after "tool-"');
  if (part.state === 'output-error') expectField(part, 'errorText', 'string', path);
  const approval = part.approval as Record<string, unknown> | undefined;
  if (approval === undefined || approval === null) {
    if (part.state === 'approval-requested' || part.state === 'approval-responded') {
      throw invalid(`${path}.approval`, `a part in state "${part.state}" needs its approval`);
    }
    return;
  }
  expectField(approval, 'id', 'string', `${path}.approval`);
  if (part.state === 'approval-responded') expectField(approval, 'approved', 'boolean', `${path}.approval`);
}

function expectField(record: Record<string, unknown>, name: string, kind: FieldKind, path: string): void {
  const value = record[name];
  const ok =
    kind === 'object' ? isRecord(value) : kind === 'metadata' ? isMetadata(value) : typeof value === kind;
  if (!ok) {
    const expected = kind === 'metadata' ? 'an object of objects (provider metadata)' : `a ${kind}`;
    throw invalid(`${path}.${name}`, `expected ${expected}, got ${describe(value)}`);
  }
}

function expectObject(value: unknown, path: string): Record<string, unknown> {
  if (!isRecord(value)) throw invalid(path, `expected an object, got ${describe(value)}`);
  return value;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isMetadata(value: unknown): boolean {
  return isRecord(value) && Object.values(value).every((entry) => isRecord(entry));
}

/** The value's type for an error message; never the value itself (it may be long or private). */
function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'undefined' ? 'nothing' : `a ${typeof value}`;
}

/** An `InvalidUIMessageError` at `path`. */
export function invalid(path: string, message: string): InvalidUIMessageError {
  return new InvalidUIMessageError({ message, path });
}
