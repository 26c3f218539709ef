import { postCall } from '../../http/post-json.js';
import { readJsonResponse } from '../../http/read-response.js';
import type { EmbedCallOptions, EmbedCallResult, EmbeddingModel } from '../../spec/embedding-model.js';
import { checkEmbedCall, mapEmbeddingError, vectorsResult } from '../shared/map-embedding-error.js';
import { parseBedrockErrorBody, sigV4Signer } from './bedrock-endpoint.js';
import { type BedrockAuthSettings, resolveBedrockAuth } from './resolve-bedrock-auth.js';

/** Provider options under `providerOptions.bedrock` for embeddings. */
export interface BedrockEmbeddingOptions {
  /** Titan v2: unit-length vectors. @default true (the service's) */
  normalize?: boolean;
  /** Cohere: `search_document`, `search_query`, `classification` or `clustering`. @default 'search_document' */
  inputType?: string;
  /** Cohere: `NONE`, `START` or `END`. */
  truncate?: string;
}

/** How Bedrock is reached. */
export interface BedrockEmbeddingSettings extends BedrockAuthSettings {
  provider: string;
  region: string;
  baseURL: string;
  headers?: Record<string, string> | undefined;
  userAgent?: string | undefined;
  fetch?: typeof fetch | undefined;
}

/**
 * Embeddings on Bedrock's `InvokeModel`: Amazon Titan text embeddings (`amazon.titan-embed-text-v2:0`, one value
 * a call, `dimensions` 256/512/1024) and Cohere Embed (`cohere.embed-*`, up to 96 values a call), SigV4 or a
 * Bedrock API key.
 */
export class BedrockEmbeddingModel implements EmbeddingModel {
  readonly provider: string;
  readonly modelId: string;
  readonly maxValuesPerCall: number;
  readonly supportsParallelCalls = true;
  readonly #settings: BedrockEmbeddingSettings;
  readonly #cohere: boolean;

  constructor(modelId: string, settings: BedrockEmbeddingSettings) {
    this.modelId = modelId;
    this.provider = settings.provider;
    this.#settings = settings;
    this.#cohere = /(^|\.)cohere\./.test(modelId);
    this.maxValuesPerCall = this.#cohere ? 96 : 1;
  }

  async embed(options: EmbedCallOptions): Promise<EmbedCallResult> {
    checkEmbedCall(options, this);
    const bedrock = (options.providerOptions?.bedrock ?? {}) as BedrockEmbeddingOptions;
    const auth = await resolveBedrockAuth(this.#settings);
    const url = `${this.#settings.baseURL}/model/${encodeURIComponent(this.modelId)}/invoke`;
    const headers: Record<string, string> = { ...this.#settings.headers };
    if (auth.type === 'bearer') headers.authorization = `Bearer ${auth.apiKey}`;
    const connection = {
      headers,
      userAgent: this.#settings.userAgent,
      fetch: this.#settings.fetch,
      signRequest: auth.type === 'sigv4' ? sigV4Signer(auth.credentials, this.#settings.region) : undefined,
    };
    const body = this.#cohere ? cohereBody(options, bedrock) : titanBody(options, bedrock);
    const posted = await postCall({
      url,
      body,
      call: options,
      connection,
      parseErrorBody: parseBedrockErrorBody,
    }).catch((error: unknown) => {
      throw mapEmbeddingError(error, this);
    });
    const response = (await readJsonResponse(posted, url)) as Record<string, unknown>;
    const read = this.#cohere ? readCohere(response) : readTitan(response);
    return vectorsResult(read, {
      url,
      response,
      count: options.values.length,
      headers: posted.responseHeaders,
    });
  }
}

function titanBody(options: EmbedCallOptions, bedrock: BedrockEmbeddingOptions) {
  return {
    inputText: options.values[0] ?? '',
    ...(options.dimensions === undefined ? {} : { dimensions: options.dimensions }),
    ...(bedrock.normalize === undefined ? {} : { normalize: bedrock.normalize }),
  };
}

function cohereBody(options: EmbedCallOptions, bedrock: BedrockEmbeddingOptions) {
  return {
    texts: options.values,
    input_type: bedrock.inputType ?? 'search_document',
    embedding_types: ['float'],
    ...(bedrock.truncate === undefined ? {} : { truncate: bedrock.truncate }),
  };
}

function readTitan(response: Record<string, unknown>): { embeddings: unknown[]; tokens: number } {
  const tokens = typeof response.inputTextTokenCount === 'number' ? response.inputTextTokenCount : 0;
  return { embeddings: response.embedding === undefined ? [] : [response.embedding], tokens };
}

/** Cohere answers `embeddings` as a list, or by type (`{ float: [...] }`) when `embedding_types` is given. */
function readCohere(response: Record<string, unknown>): { embeddings: unknown[]; tokens: number } {
  const embeddings = response.embeddings;
  const list = Array.isArray(embeddings)
    ? embeddings
    : (embeddings as { float?: unknown } | undefined)?.float;
  return { embeddings: Array.isArray(list) ? list : [], tokens: 0 };
}
