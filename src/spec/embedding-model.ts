import type { RequestOptions } from './call-options.js';
import type { CallWarning } from './call-warning.js';
import type { ResponseInfo } from './generate-result.js';
import type { ProviderMetadata, ProviderOptions } from './provider-options.js';

/** One embedding request: the values, in order, and what shapes their vectors. */
export interface EmbedCallOptions extends RequestOptions {
  values: string[];
  /** The vectors' length, for models that can shorten them (OpenAI text-embedding-3, Gemini, Titan v2). */
  dimensions?: number;
  providerOptions?: ProviderOptions;
}

/** What an embedding call returns. */
export interface EmbedCallResult {
  /** One vector per value, in the values' order. */
  embeddings: number[][];
  /** Input tokens the provider counted; 0 when it reports none. */
  usage: { tokens: number };
  warnings: CallWarning[];
  providerMetadata?: ProviderMetadata;
  response?: ResponseInfo;
}

/** An embedding model of one provider. */
export interface EmbeddingModel {
  readonly provider: string;
  readonly modelId: string;
  /** The most values one call takes; `embedMany` splits above it. Undefined means no known limit. */
  readonly maxValuesPerCall: number | undefined;
  /** Whether `embedMany` may run several calls at once. */
  readonly supportsParallelCalls: boolean;
  embed(options: EmbedCallOptions): Promise<EmbedCallResult>;
}
