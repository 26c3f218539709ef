import { type Context, TerminalError } from '@restatedev/restate-sdk';
import { isRetryableError } from '../http/retry.js';
import type { CallOptions } from '../spec/call-options.js';
import type { GenerateResult } from '../spec/generate-result.js';
import type { LanguageModel } from '../spec/language-model.js';
import { type DurableRetryOptions, toRunOptions } from './durable-retry-options.js';
import { journalSerde } from './journal-serde.js';

/**
 * A model whose `generate` calls are journaled steps (`ctx.run`, named `model <n>`): on a replay the
 * response comes from the journal and the provider is not called again. Restate retries a failed call
 * (with `retry`); errors that are not retryable (a 400, a bad key) end the run at once as a `TerminalError`.
 * The durable agent only generates: streaming and object calls reject.
 */
export function durableModel(
  ctx: Context,
  model: LanguageModel,
  retry: DurableRetryOptions = {},
): LanguageModel {
  const serde = journalSerde<GenerateResult>();
  let calls = 0;
  return {
    provider: model.provider,
    modelId: model.modelId,
    generate: (options: CallOptions) => {
      const name = `model ${calls++}`;
      return ctx.run(name, () => generateOnce(model, options), { serde, ...toRunOptions(retry) });
    },
    stream: () => Promise.reject(unsupported('stream')),
    generateObject: () => Promise.reject(unsupported('generateObject')),
    streamObject: () => Promise.reject(unsupported('streamObject')),
  };
}

async function generateOnce(model: LanguageModel, options: CallOptions): Promise<GenerateResult> {
  try {
    return await model.generate(options);
  } catch (error) {
    if (isRetryableError(error)) throw error;
    const message = error instanceof Error ? error.message : String(error);
    // Restate keeps only the message of a terminal error; the provider's message says what went wrong.
    throw new TerminalError(`model call failed: ${message}`);
  }
}

function unsupported(method: string): TerminalError {
  return new TerminalError(`a durable agent's model only generates; ${method} is not journaled`);
}
