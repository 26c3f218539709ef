import type { SamplingOptions } from '../spec/call-options.js';
import type { Message } from '../spec/message.js';
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
