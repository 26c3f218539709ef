import { InvalidResponseError } from '../../errors/invalid-response-error.js';
import { postCall } from '../../http/post-json.js';
import { readJsonResponse } from '../../http/read-response.js';
import type { EmbedCallOptions, EmbedCallResult, EmbeddingModel } from '../../spec/embedding-model.js';
import {
  checkEmbedCall,
  decodeFloat32Base64,
  isNumberArray,
  mapEmbeddingError,
} from '../shared/map-embedding-error.js';

/** How an OpenAI-style `/embeddings` endpoint is reached. */
export interface OpenAIEmbeddingSettings {
  provider: string;
  baseURL: string;
  headers: () => Record<string, string>;
  userAgent?: string | undefined;
  fetch?: typeof fetch | undefined;
  /** `base64` halves the bytes on the wire; some compatible servers only send `float`. @default 'base64' */
  encodingFormat?: 'base64' | 'float';
  /** The key of this provider's options in `providerOptions` (`user` is read from it). @default 'openai' */
  optionsKey?: string;
  /** @default 2048 (OpenAI's limit) */
  maxValuesPerCall?: number | undefined;
}

/** The `/embeddings` answer (the fields we read). */
interface EmbeddingsResponse {
  data?: Array<{ index?: unknown; embedding?: unknown }>;
  model?: string;
  usage?: { prompt_tokens?: unknown; total_tokens?: unknown };
}

/**
 * Embeddings on OpenAI's `/embeddings` API, also served by Azure OpenAI, OpenRouter, the Vercel AI Gateway and
 * OpenAI-compatible servers. Vectors come as base64 float32 by default and are decoded to numbers.
 */
export class OpenAIEmbeddingModel implements EmbeddingModel {
  readonly provider: string;
  readonly modelId: string;
  readonly maxValuesPerCall: number | undefined;
  readonly supportsParallelCalls = true;
  readonly #settings: OpenAIEmbeddingSettings;

  constructor(modelId: string, settings: OpenAIEmbeddingSettings) {
    this.modelId = modelId;
    this.provider = settings.provider;
    this.maxValuesPerCall = 'maxValuesPerCall' in settings ? settings.maxValuesPerCall : 2048;
    this.#settings = settings;
  }

  async embed(options: EmbedCallOptions): Promise<EmbedCallResult> {
    checkEmbedCall(options, this);
    const url = `${this.#settings.baseURL}/embeddings`;
    const encoding = this.#settings.encodingFormat ?? 'base64';
    const user = (
      options.providerOptions?.[this.#settings.optionsKey ?? 'openai'] as { user?: unknown } | undefined
    )?.user;
    const body = {
      model: this.modelId,
      input: options.values,
      encoding_format: encoding,
      ...(options.dimensions === undefined ? {} : { dimensions: options.dimensions }),
      ...(typeof user === 'string' ? { user } : {}),
    };
    const connection = {
      headers: this.#settings.headers(),
      userAgent: this.#settings.userAgent,
      fetch: this.#settings.fetch,
    };
    const posted = await postCall({ url, body, call: options, connection }).catch((error: unknown) => {
      throw mapEmbeddingError(error, this);
    });
    const response = (await readJsonResponse(posted, url)) as EmbeddingsResponse;
    return {
      embeddings: readVectors(response, options.values.length, url),
      usage: { tokens: readTokens(response) },
      warnings: [],
      response: {
        ...(response.model === undefined ? {} : { modelId: response.model }),
        headers: posted.responseHeaders,
      },
    };
  }
}

/** The vectors in input order (by `index`), each a float array or base64 float32. */
function readVectors(response: EmbeddingsResponse, count: number, url: string): number[][] {
  const data = response.data;
  const invalid = (message: string) =>
    new InvalidResponseError({
      message: `${url}: ${message}`,
      data: JSON.stringify(response).slice(0, 4096),
    });
  if (!Array.isArray(data) || data.length !== count) {
    throw invalid(`expected ${count} embeddings, got ${Array.isArray(data) ? data.length : 'none'}`);
  }
  const vectors: number[][] = new Array(count);
  data.forEach((item, position) => {
    const index = typeof item?.index === 'number' ? item.index : position;
    const vector =
      typeof item?.embedding === 'string' ? decodeFloat32Base64(item.embedding) : item?.embedding;
    if (!isNumberArray(vector)) throw invalid(`embedding ${index} is not a vector`);
    if (index < 0 || index >= count || vectors[index] !== undefined)
      throw invalid(`embedding index ${index} is out of place`);
    vectors[index] = vector;
  });
  return vectors;
}

function readTokens(response: EmbeddingsResponse): number {
  const tokens = response.usage?.prompt_tokens ?? response.usage?.total_tokens;
  return typeof tokens === 'number' && Number.isFinite(tokens) ? tokens : 0;
}
