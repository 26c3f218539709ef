import { isWireObject, wireTypeError } from '../shared/wire-type-error.js';

/** A candidate token and its log probability. */
export interface OpenAITopLogprob {
  token: string;
  logprob: number;
  /** The token's UTF-8 bytes, when the provider sends them. */
  bytes?: number[];
}

/**
 * One generated token's log probability, with the most likely alternatives when `topLogprobs` was asked
 * for. Chat completions (`logprobs: true`) and the Responses API (`include: ['message.output_text.logprobs']`)
 * put a list of these in the provider metadata as `logprobs`.
 */
export interface OpenAILogprob extends OpenAITopLogprob {
  topLogprobs: OpenAITopLogprob[];
}

/**
 * Maps a wire list of token log probabilities (`[{ token, logprob, bytes, top_logprobs }]`, the same shape in
 * chat `choices[].logprobs.content` and Responses `output_text.logprobs`). Entries without a string token and a
 * numeric logprob are skipped; a list that is not an array is malformed.
 */
export function mapOpenAILogprobs(value: unknown, path: string): OpenAILogprob[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw wireTypeError({ path, expected: 'an array', value });
  const logprobs: OpenAILogprob[] = [];
  for (const entry of value) {
    const token = mapTopLogprob(entry);
    if (token === undefined) continue;
    const top = isWireObject(entry) && Array.isArray(entry.top_logprobs) ? entry.top_logprobs : [];
    logprobs.push({ ...token, topLogprobs: top.flatMap((item) => mapTopLogprob(item) ?? []) });
  }
  return logprobs;
}

function mapTopLogprob(entry: unknown): OpenAITopLogprob | undefined {
  if (!isWireObject(entry) || typeof entry.token !== 'string' || typeof entry.logprob !== 'number') {
    return undefined;
  }
  const bytes = entry.bytes;
  return {
    token: entry.token,
    logprob: entry.logprob,
    ...(Array.isArray(bytes) && bytes.every((byte) => typeof byte === 'number') ? { bytes } : {}),
  };
}
