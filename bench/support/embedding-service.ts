/**
 * An in-process fake of OpenAI's `/embeddings` endpoint for case 12: it answers each request with one
 * vector per input, as floats or as base64 float32 (whichever `encoding_format` the request asks for, as
 * OpenAI does), and caches each answer's bytes, so after the first round the service costs a lookup and
 * both SDKs are timed on reading the same vectors.
 *
 * Inputs must be `value <i>`; the vector of value `i` starts with `i / 16384` (exact in float32 and in
 * JSON), so a subject can check that every vector came back in its place.
 */
import { createRandom } from './random.js';

/** The vectors' length: OpenAI text-embedding-3-small's default. */
export const embeddingDimensions = 1536;

/** Distinct vector tails the answers cycle through (the head of each vector is its index). */
const tailCount = 64;

/** Floats the head of a vector takes: 3 float32s are 12 bytes, 16 base64 characters, so tails align. */
const headFloats = 3;

/** The inputs of case 12. */
export function embeddingValues(count: number): string[] {
  return Array.from({ length: count }, (_, index) => `value ${index}`);
}

/** Checks that `embeddings` are the vectors of `embeddingValues(count)`, in order; throws when not. */
export function verifyEmbeddings(embeddings: readonly (readonly number[])[], count: number): void {
  if (embeddings.length !== count) throw new Error(`got ${embeddings.length} vectors, expected ${count}`);
  embeddings.forEach((vector, index) => {
    if (vector.length !== embeddingDimensions || vector[0] !== index / 16384)
      throw new Error(`vector ${index} is not value ${index}'s (${vector.length} values, head ${vector[0]})`);
  });
}

interface Tail {
  /** Floats 1 and 2 of the head, then the tail's JSON text (floats 3 and on, comma-separated). */
  headJson: string;
  tailJson: string;
  /** Floats 1 and 2 as float32 bytes. */
  headBytes: Float32Array;
  tailBase64: string;
}

function buildTails(): Tail[] {
  const random = createRandom(1536);
  return Array.from({ length: tailCount }, () => {
    const floats = new Float32Array(embeddingDimensions - 1);
    for (let index = 0; index < floats.length; index += 1) floats[index] = (random() - 0.5) / 8;
    const numbers = Array.from(floats);
    const rest = floats.subarray(headFloats - 1);
    return {
      headJson: numbers.slice(0, headFloats - 1).join(','),
      tailJson: numbers.slice(headFloats - 1).join(','),
      headBytes: floats.slice(0, headFloats - 1),
      tailBase64: Buffer.from(rest.buffer, rest.byteOffset, rest.byteLength).toString('base64'),
    };
  });
}

function vectorJson(tails: readonly Tail[], index: number, encoding: 'float' | 'base64'): string {
  const tail = tails[index % tailCount]!;
  if (encoding === 'float') return `[${index / 16384},${tail.headJson},${tail.tailJson}]`;
  const head = new Float32Array(headFloats);
  head[0] = index / 16384;
  head.set(tail.headBytes, 1);
  return `"${Buffer.from(head.buffer).toString('base64')}${tail.tailBase64}"`;
}

/** The answer's body for inputs `first` … `first + count - 1`. */
function answerBody(
  tails: readonly Tail[],
  first: number,
  count: number,
  encoding: 'float' | 'base64',
): Uint8Array<ArrayBuffer> {
  const data: string[] = [];
  for (let offset = 0; offset < count; offset += 1) {
    const embedding = vectorJson(tails, first + offset, encoding);
    data.push(`{"object":"embedding","index":${offset},"embedding":${embedding}}`);
  }
  const tokens = count * 2;
  return new TextEncoder().encode(
    `{"object":"list","data":[${data.join(',')}],"model":"text-embedding-3-small",` +
      `"usage":{"prompt_tokens":${tokens},"total_tokens":${tokens}}}`,
  );
}

/** The first index of the inputs, checking they are consecutive `value <i>`. */
function firstIndexOf(input: unknown): { first: number; count: number } {
  if (!Array.isArray(input) || input.length === 0) throw new Error('expected an input array');
  const first = Number(String(input[0]).slice('value '.length));
  input.forEach((value, offset) => {
    if (value !== `value ${first + offset}`) throw new Error(`unexpected input ${String(value)}`);
  });
  return { first, count: input.length };
}

/** A fetch serving `/embeddings`, and `prepare` to build the answers of given batches ahead of time. */
export function createEmbeddingService() {
  const tails = buildTails();
  const answers = new Map<string, Uint8Array<ArrayBuffer>>();
  const answer = (first: number, count: number, encoding: 'float' | 'base64') => {
    const key = `${encoding}:${first}:${count}`;
    let body = answers.get(key);
    if (body === undefined) {
      body = answerBody(tails, first, count, encoding);
      answers.set(key, body);
    }
    return body;
  };
  const fetch = async (_input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = JSON.parse(String(init?.body)) as { input?: unknown; encoding_format?: unknown };
    const { first, count } = firstIndexOf(request.input);
    const encoding = request.encoding_format === 'base64' ? 'base64' : 'float';
    return new Response(answer(first, count, encoding), { headers: { 'content-type': 'application/json' } });
  };
  /** Builds the answers of `count` values in batches of `batchSize`, so a measured run finds them ready. */
  const prepare = (count: number, batchSize: number, encoding: 'float' | 'base64') => {
    for (let first = 0; first < count; first += batchSize)
      answer(first, Math.min(batchSize, count - first), encoding);
  };
  return { fetch: fetch as typeof globalThis.fetch, prepare };
}
