import type { RequestOptions, SamplingOptions } from '../spec/call-options.js';
import type { Message } from '../spec/message.js';
import type { CliOutput } from './cli-environment.js';
import type { ModelOptions } from './parse-cli-options.js';

/** The sampling settings the options ask for; unset ones are left out. */
export function samplingOf(options: ModelOptions): SamplingOptions {
  return {
    ...(options.maxOutputTokens === undefined ? {} : { maxOutputTokens: options.maxOutputTokens }),
    ...(options.temperature === undefined ? {} : { temperature: options.temperature }),
  };
}

/** The system message of `--system` (if any), then the user's prompt. */
export function promptOf(options: ModelOptions, prompt: string): Message[] {
  const system: Message[] =
    options.system === undefined
      ? []
      : [{ role: 'system', content: [{ type: 'text', text: options.system }] }];
  return [...system, { role: 'user', content: [{ type: 'text', text: prompt }] }];
}

/**
 * `--max-retries` and a note on stderr before each retry's wait, so a 429 that is being waited out does
 * not look like a hang.
 */
export function retriesOf(
  options: ModelOptions,
  stderr: CliOutput,
): Pick<RequestOptions, 'maxRetries' | 'onRetry'> {
  return {
    ...(options.maxRetries === undefined ? {} : { maxRetries: options.maxRetries }),
    onRetry: ({ error, attempt, delayMs }) => {
      const reason = error instanceof Error ? error.message : String(error);
      stderr.write(`attempt ${attempt} failed (${reason}); retrying in ${(delayMs / 1000).toFixed(1)} s\n`);
    },
  };
}
