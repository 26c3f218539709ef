import type { StreamPart } from '../spec/stream-part.js';
import { promptOf, retriesOf, samplingOf } from './call-settings.js';
import type { CliEnvironment } from './cli-environment.js';
import { cliHelp } from './cli-help.js';
import { writeFinishSummary } from './finish-summary.js';
import { writeJsonLine } from './json-lines.js';
import { modelOptionSpecs, parseCommandArgs, readModelOptions } from './parse-cli-options.js';
import { readPrompt } from './read-prompt.js';
import { createStreamRenderer } from './stream-renderer.js';
import { terminalStyle } from './terminal-style.js';
import { withCliModel } from './with-cli-model.js';

/** `fantasy text`: streams one answer. */
export async function runTextCommand(args: readonly string[], environment: CliEnvironment): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, modelOptionSpecs);
  if (values.help) {
    environment.stdout.write(`${cliHelp.text}\n`);
    return 0;
  }
  const options = readModelOptions(values);
  const prompt = await readPrompt(positionals, environment, 'text');
  await withCliModel(options, environment, async (model) => {
    const parts = await model.stream({
      prompt: promptOf(options, prompt),
      ...samplingOf(options),
      ...retriesOf(options, environment.stderr),
    });
    if (options.json) await printJsonParts(parts, environment);
    else await renderParts(parts, environment);
  });
  return 0;
}

async function printJsonParts(parts: AsyncIterable<StreamPart>, environment: CliEnvironment): Promise<void> {
  for await (const part of parts) {
    if (part.type === 'error') throw part.error;
    writeJsonLine(environment.stdout, part);
  }
}

async function renderParts(parts: AsyncIterable<StreamPart>, environment: CliEnvironment): Promise<void> {
  let finish: Extract<StreamPart, { type: 'finish' }> | undefined;
  const renderer = createStreamRenderer({
    stdout: environment.stdout,
    stderr: environment.stderr,
    style: terminalStyle(environment.stdout, environment.env),
  });
  try {
    for await (const part of parts) {
      if (part.type === 'error') throw part.error;
      renderer.render(part as StreamPart & Record<string, unknown>);
      if (part.type === 'finish') finish = part;
    }
  } finally {
    renderer.end();
  }
  if (finish !== undefined) writeFinishSummary(environment, finish);
}
