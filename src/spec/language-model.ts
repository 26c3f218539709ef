import type { CallOptions } from './call-options.js';
import type { EmbeddingModel } from './embedding-model.js';
import type { GenerateResult } from './generate-result.js';
import type { ObjectCallOptions, ObjectResult, ObjectStreamPart } from './object.js';
import type { StreamPart } from './stream-part.js';

/**
 * A model of one provider. `stream` rejects for setup errors (bad status, no connection) and reports later
 * failures in-band as an `error` part; consumers handle both.
 */
export interface LanguageModel {
  /** The provider's name, e.g. `openai` or `openai-compat`. */
  readonly provider: string;
  readonly modelId: string;
  generate(options: CallOptions): Promise<GenerateResult>;
  stream(options: CallOptions): Promise<AsyncIterable<StreamPart>>;
  generateObject(options: ObjectCallOptions): Promise<ObjectResult>;
  streamObject(options: ObjectCallOptions): Promise<AsyncIterable<ObjectStreamPart>>;
}

/** A source of language models. */
export interface Provider {
  readonly name: string;
  languageModel(modelId: string): LanguageModel;
  /** The provider's embedding model `modelId`; absent on providers without an embedding API. */
  embeddingModel?(modelId: string): EmbeddingModel;
}
