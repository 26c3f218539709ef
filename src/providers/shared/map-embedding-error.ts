import { APICallError } from '../../errors/api-call-error.js';
import { EmbeddingInputTooLongError } from '../../errors/embedding-input-too-long-error.js';
import { InvalidArgumentError } from '../../errors/invalid-argument-error.js';
import { InvalidResponseError } from '../../errors/invalid-response-error.js';
import { TooManyEmbeddingValuesError } from '../../errors/too-many-embedding-values-error.js';
import type { EmbedCallOptions, EmbedCallResult } from '../../spec/embedding-model.js';
import { decodeBase64 } from './base64.js';

/** How providers word an input over the model's length (OpenAI, Gemini, Vertex, Bedrock, Cohere). */
const tooLong =
  /maximum (context|input) length|too long|too many tokens|exceeds the (maximum|max)|input length|token limit/i;

/** A provider's 400 about an over-long value as `EmbeddingInputTooLongError`; anything else unchanged. */
export function mapEmbeddingError(error: unknown, model: { provider: string; modelId: string }): unknown {
  if (!APICallError.isInstance(error) || error.statusCode !== 400) return error;
  const providerMessage = error.providerMessage || error.message;
  if (!tooLong.test(providerMessage)) return error;
  return new EmbeddingInputTooLongError({ ...model, providerMessage, cause: error });
}

/** Checks a call before it is sent: not over the model's batch size, `dimensions` a positive integer. */
export function checkEmbedCall(
  options: EmbedCallOptions,
  model: { provider: string; modelId: string; maxValuesPerCall: number | undefined },
): void {
  const { maxValuesPerCall } = model;
  if (maxValuesPerCall !== undefined && options.values.length > maxValuesPerCall) {
    throw new TooManyEmbeddingValuesError({ ...model, maxValuesPerCall, values: options.values.length });
  }
  const { dimensions } = options;
  if (dimensions !== undefined && (!Number.isInteger(dimensions) || dimensions < 1)) {
    throw new InvalidArgumentError({
      argument: 'dimensions',
      message: `dimensions must be a positive integer (the vector length you want), got ${String(dimensions)}`,
    });
  }
}

/** Little-endian float32 vectors sent as base64 (`encoding_format: base64`), as plain numbers. */
export function decodeFloat32Base64(base64: string): number[] | undefined {
  let bytes: Uint8Array;
  try {
    bytes = decodeBase64(base64, 'an embedding');
  } catch {
    return undefined;
  }
  if (bytes.length % 4 !== 0) return undefined;
  const view = new DataView(bytes.buffer);
  const vector = new Array<number>(bytes.length / 4);
  for (let index = 0; index < vector.length; index++) vector[index] = view.getFloat32(index * 4, true);
  return vector;
}

/** Whether `value` is an array of finite numbers. */
export function isNumberArray(value: unknown): value is number[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'number' && Number.isFinite(item));
}

/**
 * A call's result from what was read off the provider's answer: exactly one number vector per value, else an
 * `InvalidResponseError` carrying (the start of) the answer.
 */
export function vectorsResult(
  read: { embeddings: unknown[]; tokens: number },
  answer: { url: string; response: unknown; count: number; headers: Record<string, string> },
): EmbedCallResult {
  if (read.embeddings.length !== answer.count || !read.embeddings.every(isNumberArray)) {
    throw new InvalidResponseError({
      message: `${answer.url}: expected ${answer.count} vectors`,
      data: JSON.stringify(answer.response).slice(0, 4096),
    });
  }
  return {
    embeddings: read.embeddings,
    usage: { tokens: read.tokens },
    warnings: [],
    response: { headers: answer.headers },
  };
}
