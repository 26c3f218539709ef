import type { CliEnvironment } from './cli-environment.js';
import { CliUsageError } from './cli-usage-error.js';

/** The prompt: the positional arguments joined, else all of stdin when it is piped. */
export async function readPrompt(
  positionals: readonly string[],
  environment: CliEnvironment,
  command: string,
): Promise<string> {
  if (positionals.length > 0) return positionals.join(' ');
  if (!environment.stdin.isTTY) {
    const text = (await readAll(environment.stdin)).trim();
    if (text !== '') return text;
  }
  throw new CliUsageError(
    `give a prompt, e.g. fantasy ${command} "Say hi in Portuguese", or pipe one on stdin`,
  );
}

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const decoder = new TextDecoder();
  let text = '';
  for await (const chunk of stream)
    text += typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
  return text + decoder.decode();
}
