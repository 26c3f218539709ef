import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { streamObject } from '../object/stream-object.js';
import type { JSONSchema } from '../spec/json-value.js';
import type { ObjectMode, ObjectStreamPart } from '../spec/object.js';
import { retriesOf, samplingOf } from './call-settings.js';
import type { CliEnvironment } from './cli-environment.js';
import { cliHelp } from './cli-help.js';
import { CliUsageError } from './cli-usage-error.js';
import { writeFinishSummary } from './finish-summary.js';
import { writeJsonLine } from './json-lines.js';
import { createLiveRegion } from './live-region.js';
import {
  type ModelOptions,
  modelOptionSpecs,
  parseCommandArgs,
  readModelOptions,
} from './parse-cli-options.js';
import { readPrompt } from './read-prompt.js';
import { withCliModel } from './with-cli-model.js';

const objectOptionSpecs = {
  ...modelOptionSpecs,
  schema: { type: 'string' },
  'schema-name': { type: 'string' },
  'schema-description': { type: 'string' },
  mode: { type: 'string' },
} as const;

const modes: readonly ObjectMode[] = ['auto', 'json', 'tool', 'text'];

type FinishPart = Extract<ObjectStreamPart, { type: 'finish' }>;

/** `fantasy object`: streams an object matching a JSON Schema file, then prints it. */
export async function runObjectCommand(
  args: readonly string[],
  environment: CliEnvironment,
): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, objectOptionSpecs);
  if (values.help) {
    environment.stdout.write(`${cliHelp.object}\n`);
    return 0;
  }
  const options = readModelOptions(values);
  const { schema, title, description } = splitSchemaLabels(await readSchemaFile(values.schema, environment));
  const mode = readMode(values.mode);
  const prompt = await readPrompt(positionals, environment, 'object --schema person.json');
  const schemaName = values['schema-name'] ?? title;
  const schemaDescription = values['schema-description'] ?? description;
  await withCliModel(options, environment, async (model) => {
    const result = await streamObject({
      model,
      schema,
      prompt,
      ...samplingOf({ ...options, maxOutputTokens: options.maxOutputTokens ?? defaultObjectMaxTokens }),
      ...retriesOf(options, environment.stderr),
      ...systemOf(options),
      ...(typeof schemaName === 'string' ? { schemaName } : {}),
      ...(typeof schemaDescription === 'string' ? { schemaDescription } : {}),
      ...(mode === undefined ? {} : { mode }),
    });
    const finish = await consumeObjectStream(result.fullStream, options, environment);
    if (options.json) return;
    environment.stdout.write(`${JSON.stringify(finish.object, null, 2)}\n`);
    writeFinishSummary(environment, finish);
  });
  return 0;
}

/** `fantasy object`'s `--max-tokens` when unset: room for a large object (and Fantasy's example's value). */
export const defaultObjectMaxTokens = 4000;

/**
 * The schema file's top-level `title` and `description` name and describe the object (the defaults of
 * `--schema-name` and `--schema-description`), as Fantasy's object calls do; the rest is the schema sent.
 */
function splitSchemaLabels(schema: JSONSchema): { schema: JSONSchema; title?: string; description?: string } {
  const { title, description, ...rest } = schema;
  return {
    schema: rest,
    ...(typeof title === 'string' ? { title } : {}),
    ...(typeof description === 'string' ? { description } : {}),
  };
}

/** Reads the stream: JSON lines, or partial objects redrawn in place on a terminal. Returns the `finish` part. */
async function consumeObjectStream(
  parts: AsyncIterable<ObjectStreamPart>,
  options: ModelOptions,
  environment: CliEnvironment,
): Promise<FinishPart> {
  const region = !options.json && environment.stdout.isTTY ? createLiveRegion(environment.stdout) : undefined;
  let finish: FinishPart | undefined;
  try {
    for await (const part of parts) {
      if (part.type === 'error') throw part.error;
      if (options.json) writeJsonLine(environment.stdout, part);
      else if (part.type === 'object') region?.draw(JSON.stringify(part.object, null, 2).split('\n'));
      if (part.type === 'finish') finish = part;
    }
  } finally {
    region?.clear();
  }
  if (finish === undefined) throw new Error('the object stream ended without a final object');
  return finish;
}

async function readSchemaFile(path: unknown, environment: CliEnvironment): Promise<JSONSchema> {
  if (typeof path !== 'string') {
    throw new CliUsageError('object needs --schema <file.json>: a JSON Schema of the object to generate');
  }
  const fullPath = resolve(environment.cwd ?? process.cwd(), path);
  const text = await readFile(fullPath, 'utf8').catch((error: unknown) => {
    throw new CliUsageError(`cannot read the schema file ${fullPath}: ${(error as Error).message}`, {
      cause: error,
    });
  });
  let schema: unknown;
  try {
    schema = JSON.parse(text);
  } catch (error) {
    throw new CliUsageError(`the schema file ${fullPath} is not JSON: ${(error as Error).message}`, {
      cause: error,
    });
  }
  if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) {
    throw new CliUsageError(
      `the schema file ${fullPath} must hold a JSON Schema object, e.g. {"type": "object", ...}`,
    );
  }
  return schema as JSONSchema;
}

function readMode(value: unknown): ObjectMode | undefined {
  if (value === undefined) return undefined;
  if (!modes.includes(value as ObjectMode)) {
    throw new CliUsageError(`--mode must be one of ${modes.join(', ')}, got ${JSON.stringify(value)}`);
  }
  return value as ObjectMode;
}

function systemOf(options: ModelOptions): { system?: string } {
  return options.system === undefined ? {} : { system: options.system };
}
