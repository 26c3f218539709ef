import { type ParseArgsConfig, parseArgs } from 'node:util';
import { CliUsageError } from './cli-usage-error.js';

type OptionSpecs = NonNullable<ParseArgsConfig['options']>;

/** Options of every command that calls a model. */
export const modelOptionSpecs = {
  provider: { type: 'string', short: 'p' },
  model: { type: 'string', short: 'm' },
  'base-url': { type: 'string' },
  'api-key-env': { type: 'string' },
  system: { type: 'string', short: 's' },
  'max-tokens': { type: 'string' },
  temperature: { type: 'string' },
  'max-retries': { type: 'string' },
  json: { type: 'boolean' },
  record: { type: 'string' },
  replay: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies OptionSpecs;

/** The model options, checked. */
export interface ModelOptions {
  provider: string | undefined;
  model: string | undefined;
  baseURL: string | undefined;
  apiKeyEnv: string | undefined;
  system: string | undefined;
  maxOutputTokens: number | undefined;
  temperature: number | undefined;
  /** Retries of a failed model call; unset means the library's default (2). */
  maxRetries: number | undefined;
  /** One JSON stream part per line instead of rendered output. */
  json: boolean;
  record: string | undefined;
  replay: string | undefined;
}

/** Parsed arguments: option values by name, and the positionals in order. */
export interface ParsedArgs {
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
}

/** Parses a command's arguments; an unknown option or a missing value is a `CliUsageError`. */
export function parseCommandArgs(argv: readonly string[], options: OptionSpecs): ParsedArgs {
  try {
    const parsed = parseArgs({ args: [...argv], options, allowPositionals: true, strict: true });
    return { values: parsed.values as ParsedArgs['values'], positionals: parsed.positionals };
  } catch (error) {
    throw new CliUsageError((error as Error).message, { cause: error });
  }
}

/** Reads and checks the model options: numbers must be numbers, `--record` and `--replay` exclude each other. */
export function readModelOptions(values: ParsedArgs['values']): ModelOptions {
  const text = (name: string) => (typeof values[name] === 'string' ? (values[name] as string) : undefined);
  if (text('record') !== undefined && text('replay') !== undefined) {
    throw new CliUsageError('--record and --replay cannot be used together');
  }
  return {
    provider: text('provider'),
    model: text('model'),
    baseURL: text('base-url'),
    apiKeyEnv: text('api-key-env'),
    system: text('system'),
    maxOutputTokens: readNumber(text('max-tokens'), '--max-tokens', { integer: true, minimum: 1 }),
    temperature: readNumber(text('temperature'), '--temperature', { integer: false, minimum: 0 }),
    maxRetries: readNumber(text('max-retries'), '--max-retries', { integer: true, minimum: 0 }),
    json: values.json === true,
    record: text('record'),
    replay: text('replay'),
  };
}

function readNumber(
  text: string | undefined,
  option: string,
  rules: { integer: boolean; minimum: number },
): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  const valid = text.trim() !== '' && Number.isFinite(value) && value >= rules.minimum;
  if (!valid || (rules.integer && !Number.isInteger(value))) {
    const kind = rules.integer ? 'a whole number' : 'a number';
    throw new CliUsageError(
      `${option} must be ${kind} of at least ${rules.minimum}, got ${JSON.stringify(text)}`,
    );
  }
  return value;
}
