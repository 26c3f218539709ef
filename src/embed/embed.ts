import type { RequestOptions } from '../spec/call-options.js';
import type { CallWarning } from '../spec/call-warning.js';
import type { EmbeddingModel } from '../spec/embedding-model.js';
import type { ProviderMetadata, ProviderOptions } from '../spec/provider-options.js';
import { embedMany } from './embed-many.js';

/** Options of `embed`. */
export interface EmbedOptions extends RequestOptions {
  model: EmbeddingModel;
  value: string;
  dimensions?: number;
  providerOptions?: ProviderOptions;
}

/** One value's vector. */
export interface EmbedResult {
  value: string;
  embedding: number[];
  usage: { tokens: number };
  warnings: CallWarning[];
  providerMetadata?: ProviderMetadata;
}

/**
 * Embeds one value, retried like a model call.
 *
 * @example
 * const { embedding } = await embed({ model: openai.embeddingModel('text-embedding-3-small'), value: 'sunny day' });
 */
export async function embed(options: EmbedOptions): Promise<EmbedResult> {
  const { value, ...rest } = options;
  const result = await embedMany({ ...rest, values: [value] });
  return {
    value,
    embedding: result.embeddings[0] ?? [],
    usage: result.usage,
    warnings: result.warnings,
    ...(result.providerMetadata[0] === undefined ? {} : { providerMetadata: result.providerMetadata[0] }),
  };
}
