import { postCall } from '../../http/post-json.js';
import { readJsonResponse } from '../../http/read-response.js';
import type { EmbedCallOptions, EmbedCallResult, EmbeddingModel } from '../../spec/embedding-model.js';
import { checkEmbedCall, mapEmbeddingError, vectorsResult } from '../shared/map-embedding-error.js';

/** Provider options under `providerOptions.google` for embeddings. */
export interface GoogleEmbeddingOptions {
  /** e.g. `RETRIEVAL_QUERY`, `RETRIEVAL_DOCUMENT`, `SEMANTIC_SIMILARITY`, `CLASSIFICATION`, `CLUSTERING`. */
  taskType?: string;
  /** A title for `RETRIEVAL_DOCUMENT` values. */
  title?: string;
  /** Vertex only: cut over-long input instead of failing. @default the service's (true) */
  autoTruncate?: boolean;
}

/** How the Gemini API or Vertex AI is reached. */
export interface GoogleEmbeddingSettings {
  provider: string;
  baseURL: () => string;
  headers: () => Record<string, string> | Promise<Record<string, string>>;
  userAgent?: string | undefined;
  fetch?: typeof fetch | undefined;
  vertex: boolean;
}

/**
 * Embeddings on the Gemini API (`models/<id>:batchEmbedContents`, up to 100 values a call) or Vertex AI
 * (`models/<id>:predict`, up to 250, one for gemini-embedding-001), with `taskType` and `outputDimensionality`.
 */
export class GoogleEmbeddingModel implements EmbeddingModel {
  readonly provider: string;
  readonly modelId: string;
  readonly maxValuesPerCall: number;
  readonly supportsParallelCalls = true;
  readonly #settings: GoogleEmbeddingSettings;

  constructor(modelId: string, settings: GoogleEmbeddingSettings) {
    this.modelId = modelId;
    this.provider = settings.provider;
    this.#settings = settings;
    this.maxValuesPerCall = !settings.vertex ? 100 : modelId.startsWith('gemini-embedding') ? 1 : 250;
  }

  async embed(options: EmbedCallOptions): Promise<EmbedCallResult> {
    checkEmbedCall(options, this);
    const google = (options.providerOptions?.google ?? {}) as GoogleEmbeddingOptions;
    const { url, body } = this.#settings.vertex
      ? this.#vertexRequest(options, google)
      : this.#geminiRequest(options, google);
    const connection = {
      headers: await this.#settings.headers(),
      userAgent: this.#settings.userAgent,
      fetch: this.#settings.fetch,
    };
    const posted = await postCall({ url, body, call: options, connection }).catch((error: unknown) => {
      throw mapEmbeddingError(error, this);
    });
    const response = (await readJsonResponse(posted, url)) as Record<string, unknown>;
    const read = this.#settings.vertex ? readVertex(response) : readGemini(response);
    return vectorsResult(read, {
      url,
      response,
      count: options.values.length,
      headers: posted.responseHeaders,
    });
  }

  #geminiRequest(options: EmbedCallOptions, google: GoogleEmbeddingOptions) {
    const model = `models/${this.modelId}`;
    const requests = options.values.map((text) => ({
      model,
      content: { parts: [{ text }] },
      ...(google.taskType === undefined ? {} : { taskType: google.taskType }),
      ...(google.title === undefined ? {} : { title: google.title }),
      ...(options.dimensions === undefined ? {} : { outputDimensionality: options.dimensions }),
    }));
    return { url: `${this.#settings.baseURL()}/${model}:batchEmbedContents`, body: { requests } };
  }

  #vertexRequest(options: EmbedCallOptions, google: GoogleEmbeddingOptions) {
    const instances = options.values.map((content) => ({
      content,
      ...(google.taskType === undefined ? {} : { task_type: google.taskType }),
      ...(google.title === undefined ? {} : { title: google.title }),
    }));
    const parameters = {
      ...(options.dimensions === undefined ? {} : { outputDimensionality: options.dimensions }),
      ...(google.autoTruncate === undefined ? {} : { autoTruncate: google.autoTruncate }),
    };
    return {
      url: `${this.#settings.baseURL()}/models/${this.modelId}:predict`,
      body: { instances, ...(Object.keys(parameters).length === 0 ? {} : { parameters }) },
    };
  }
}

function readGemini(response: Record<string, unknown>): { embeddings: unknown[]; tokens: number } {
  const embeddings = Array.isArray(response.embeddings) ? response.embeddings : [];
  return { embeddings: embeddings.map((item) => (item as { values?: unknown } | null)?.values), tokens: 0 };
}

function readVertex(response: Record<string, unknown>): { embeddings: unknown[]; tokens: number } {
  const predictions = Array.isArray(response.predictions) ? response.predictions : [];
  let tokens = 0;
  const embeddings = predictions.map((item) => {
    const embedding = (
      item as { embeddings?: { values?: unknown; statistics?: { token_count?: unknown } } } | null
    )?.embeddings;
    const count = embedding?.statistics?.token_count;
    if (typeof count === 'number') tokens += count;
    return embedding?.values;
  });
  return { embeddings, tokens };
}
