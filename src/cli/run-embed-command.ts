import { embedMany } from '../embed/embed-many.js';
import { InvalidArgumentError } from '../errors/invalid-argument-error.js';
import { retriesOf } from './call-settings.js';
import type { CliEnvironment } from './cli-environment.js';
import { cliHelp } from './cli-help.js';
import { CliUsageError } from './cli-usage-error.js';
import { createCliModel } from './create-cli-model.js';
import { writeJsonLine } from './json-lines.js';
import { modelOptionSpecs, parseCommandArgs, readModelOptions } from './parse-cli-options.js';
import { readPrompt } from './read-prompt.js';

const embedOptionSpecs = { ...modelOptionSpecs, dimensions: { type: 'string' } } as const;

/**
 * `fantasy embed`: the vector of each text given (or of stdin), one JSON array per line; with `--json`, one
 * object per value with its vector, then the usage.
 */
export async function runEmbedCommand(args: readonly string[], environment: CliEnvironment): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, embedOptionSpecs);
  if (values.help) {
    environment.stdout.write(`${cliHelp.embed}\n`);
    return 0;
  }
  const options = readModelOptions(values);
  const dimensions = readDimensions(values.dimensions);
  const texts = positionals.length > 0 ? positionals : [await readPrompt([], environment, 'embed')];
  const { embeddingModel, close } = await createCliModel(options, environment);
  try {
    const model = (() => {
      try {
        return embeddingModel();
      } catch (error) {
        if (InvalidArgumentError.isInstance(error)) throw new CliUsageError(error.message, { cause: error });
        throw error;
      }
    })();
    const result = await embedMany({
      model,
      values: texts,
      ...(dimensions === undefined ? {} : { dimensions }),
      ...retriesOf(options, environment.stderr),
    });
    result.embeddings.forEach((embedding, index) => {
      if (options.json)
        writeJsonLine(environment.stdout, { type: 'embedding', value: texts[index], embedding });
      else environment.stdout.write(`${JSON.stringify(embedding)}\n`);
    });
    if (options.json) writeJsonLine(environment.stdout, { type: 'usage', tokens: result.usage.tokens });
  } finally {
    await close();
  }
  return 0;
}

function readDimensions(value: unknown): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1)
    throw new CliUsageError(`--dimensions must be a positive integer, got ${String(value)}`);
  return number;
}
