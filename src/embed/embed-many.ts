import { InvalidArgumentError } from '../errors/invalid-argument-error.js';
import { retryWithBackoff } from '../http/retry.js';
import type { RequestOptions } from '../spec/call-options.js';
import type { CallWarning } from '../spec/call-warning.js';
import type { EmbedCallResult, EmbeddingModel } from '../spec/embedding-model.js';
import type { ProviderMetadata, ProviderOptions } from '../spec/provider-options.js';

/** Options of `embedMany`. */
export interface EmbedManyOptions extends RequestOptions {
  model: EmbeddingModel;
  values: readonly string[];
  dimensions?: number;
  providerOptions?: ProviderOptions;
  /** Batches in flight at once (1 for models that cannot take parallel calls). @default 4 */
  maxParallelCalls?: number;
}

/** The vectors of every value, in order, and the usage summed over the batches. */
export interface EmbedManyResult {
  values: readonly string[];
  embeddings: number[][];
  usage: { tokens: number };
  warnings: CallWarning[];
  /** Each batch's provider metadata, in batch order. */
  providerMetadata: ProviderMetadata[];
}

/**
 * Embeds many values: split into the model's batch size, at most `maxParallelCalls` batches at once, each
 * batch retried like a model call (429s, 5xx, dropped connections, honouring `retry-after`), results in the
 * values' order. The first batch to fail for good aborts the others.
 *
 * @example
 * const { embeddings } = await embedMany({ model: openai.embeddingModel('text-embedding-3-small'), values: chunks });
 */
export async function embedMany(options: EmbedManyOptions): Promise<EmbedManyResult> {
  const batches = splitValues(options.values, options.model.maxValuesPerCall);
  const limit = options.model.supportsParallelCalls ? parallelLimit(options.maxParallelCalls) : 1;
  const controller = new AbortController();
  const abortSignal = options.abortSignal
    ? AbortSignal.any([options.abortSignal, controller.signal])
    : controller.signal;
  const results: EmbedCallResult[] = new Array(batches.length);
  let next = 0;
  const worker = async () => {
    while (next < batches.length) {
      const index = next++;
      results[index] = await embedBatch(options, batches[index] as string[], abortSignal);
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.min(limit, batches.length) }, worker));
  } catch (error) {
    controller.abort(error);
    throw error;
  }
  return combine(options.values, results);
}

function embedBatch(
  options: EmbedManyOptions,
  values: string[],
  abortSignal: AbortSignal,
): Promise<EmbedCallResult> {
  const { model, dimensions, providerOptions, headers, userAgent, timeout } = options;
  const call = {
    values,
    abortSignal,
    ...(dimensions === undefined ? {} : { dimensions }),
    ...(providerOptions === undefined ? {} : { providerOptions }),
    ...(headers === undefined ? {} : { headers }),
    ...(userAgent === undefined ? {} : { userAgent }),
    ...(timeout === undefined ? {} : { timeout }),
  };
  return retryWithBackoff(() => model.embed(call), {
    ...options.retry,
    maxRetries: options.maxRetries,
    onRetry: options.onRetry,
    abortSignal,
  });
}

/** The values in batches of at most `size` (one batch when the model has no limit). */
export function splitValues(values: readonly string[], size: number | undefined): string[][] {
  if (size === undefined || size >= values.length) return values.length === 0 ? [] : [[...values]];
  const batches: string[][] = [];
  for (let start = 0; start < values.length; start += size) batches.push(values.slice(start, start + size));
  return batches;
}

function parallelLimit(value: number | undefined): number {
  const limit = value ?? 4;
  if (!Number.isInteger(limit) || limit < 1) {
    throw new InvalidArgumentError({
      argument: 'maxParallelCalls',
      message: `maxParallelCalls must be a positive integer, got ${String(value)}`,
    });
  }
  return limit;
}

function combine(values: readonly string[], results: EmbedCallResult[]): EmbedManyResult {
  const embeddings: number[][] = [];
  let tokens = 0;
  const warnings: CallWarning[] = [];
  const providerMetadata: ProviderMetadata[] = [];
  for (const result of results) {
    for (const embedding of result.embeddings) embeddings.push(embedding);
    tokens += result.usage.tokens;
    warnings.push(...result.warnings);
    if (result.providerMetadata) providerMetadata.push(result.providerMetadata);
  }
  return { values, embeddings, usage: { tokens }, warnings, providerMetadata };
}
