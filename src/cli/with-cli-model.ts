import type { LanguageModel } from '../spec/language-model.js';
import type { CliEnvironment } from './cli-environment.js';
import { createCliModel } from './create-cli-model.js';
import { writeJsonLine } from './json-lines.js';
import type { ModelOptions } from './parse-cli-options.js';
import { terminalStyle } from './terminal-style.js';

/**
 * Runs `run` with the command's model, then closes the cassette (writing a recording; after a successful
 * replay, noting recorded calls it did not use). With `--json`, a failure is also printed as an `error` line.
 */
export async function withCliModel<T>(
  options: ModelOptions,
  environment: CliEnvironment,
  run: (model: LanguageModel) => Promise<T>,
): Promise<T> {
  const { model, close } = await createCliModel(options, environment);
  let result: T;
  try {
    result = await run(model);
  } catch (error) {
    if (options.json) writeJsonLine(environment.stdout, { type: 'error', error });
    await close().catch(() => undefined);
    throw error;
  }
  const note = await close();
  if (note !== undefined) {
    environment.stderr.write(`${terminalStyle(environment.stderr, environment.env).dim(`note: ${note}`)}\n`);
  }
  return result;
}
