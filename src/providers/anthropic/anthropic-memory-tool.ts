// Type-only: the agent's executable-tool shape, so a provider can hand the agent a runnable tool without
// importing agent code (dependencies still point providers ← agent at runtime).
import type { ExecutableProviderTool } from '../../agent/executable-provider-tool.js';
import { InvalidToolCallError } from '../../errors/invalid-tool-call-error.js';
import type { ProviderDefinedTool } from '../../spec/tool.js';
import { anthropicToolIds } from './anthropic-provider-tools.js';

/** A memory command the model sends (`memory_20250818`), typed. Paths are under `/memories`. */
export type MemoryCommand =
  | { command: 'view'; path: string; viewRange?: [number, number] }
  | { command: 'create'; path: string; fileText: string }
  | { command: 'str_replace'; path: string; oldStr: string; newStr: string }
  | { command: 'insert'; path: string; insertLine: number; insertText: string }
  | { command: 'delete'; path: string }
  | { command: 'rename'; oldPath: string; newPath: string };

/** Runs memory commands against your storage; the returned text is what the model reads. */
export type MemoryHandler = (command: MemoryCommand) => string | Promise<string>;

/** The memory tool's definition alone, for callers that run its calls themselves. */
export function memoryToolDefinition(): ProviderDefinedTool {
  return { type: 'provider-defined', id: anthropicToolIds.memory, name: 'memory', args: {} };
}

/**
 * Anthropic's memory tool, run by you: each command the model sends reaches `handler` (the agent runs it
 * like a function tool), and the text it returns goes back as the tool result.
 *
 * @example
 * const files = new Map<string, string>();
 * const memory = memoryTool(async (command) =>
 *   command.command === 'view' ? (files.get(command.path) ?? 'empty') : 'done',
 * );
 */
export function memoryTool(handler: MemoryHandler): ExecutableProviderTool {
  const definition = memoryToolDefinition();
  return {
    type: 'executable-provider-defined',
    name: definition.name,
    definition,
    execute: (input) => handler(parseMemoryCommand(input)),
  };
}

const readers: Record<string, (input: Record<string, unknown>, field: FieldReader) => MemoryCommand> = {
  view: (input, field) => {
    const range = input.view_range;
    const viewRange =
      Array.isArray(range) && range.length === 2 && range.every(Number.isInteger)
        ? { viewRange: range as [number, number] }
        : {};
    return { command: 'view', path: field.string('path'), ...viewRange };
  },
  create: (_input, field) => ({
    command: 'create',
    path: field.string('path'),
    fileText: field.string('file_text'),
  }),
  str_replace: (_input, field) => ({
    command: 'str_replace',
    path: field.string('path'),
    oldStr: field.string('old_str'),
    newStr: field.string('new_str'),
  }),
  insert: (_input, field) => ({
    command: 'insert',
    path: field.string('path'),
    insertLine: field.number('insert_line'),
    insertText: field.string('insert_text'),
  }),
  delete: (_input, field) => ({ command: 'delete', path: field.string('path') }),
  rename: (_input, field) => ({
    command: 'rename',
    oldPath: field.string('old_path'),
    newPath: field.string('new_path'),
  }),
};

interface FieldReader {
  string(name: string): string;
  number(name: string): number;
}

/**
 * Parses a memory tool call's input (JSON text or the decoded object). Throws an `InvalidToolCallError`
 * naming the missing field when the command is unknown or incomplete.
 */
export function parseMemoryCommand(input: string | Record<string, unknown>): MemoryCommand {
  const text = typeof input === 'string' ? input : JSON.stringify(input);
  const fail = (message: string, cause?: unknown): never => {
    throw new InvalidToolCallError({
      message: `invalid memory command: ${message}`,
      toolName: 'memory',
      input: text,
      cause,
    });
  };
  let record: Record<string, unknown> = {};
  try {
    record = typeof input === 'string' ? JSON.parse(input) : input;
  } catch (cause) {
    fail('not JSON', cause);
  }
  if (typeof record !== 'object' || record === null) return fail('not a JSON object');
  const reader = readers[String(record.command)];
  if (reader === undefined) return fail(`unknown command ${JSON.stringify(record.command)}`);
  const field: FieldReader = {
    string: (name) =>
      typeof record[name] === 'string' ? (record[name] as string) : fail(`${name} is missing`),
    number: (name) =>
      typeof record[name] === 'number' ? (record[name] as number) : fail(`${name} is missing`),
  };
  return reader(record, field);
}
