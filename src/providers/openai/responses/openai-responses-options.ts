import type { OpenAILogprob } from '../map-openai-logprobs.js';
import type { ReasoningEffort } from '../openai-options.js';

/** What the Responses API can add to a response: `include` entries. */
export type OpenAIResponsesInclude =
  | 'reasoning.encrypted_content'
  | 'file_search_call.results'
  | 'message.output_text.logprobs';

/**
 * Options under `providerOptions.openai` for the Responses API (Fantasy's `ResponsesProviderOptions`).
 *
 * @example
 * const providerOptions = {
 *   openai: { reasoningEffort: 'high', reasoningSummary: 'auto', include: ['reasoning.encrypted_content'] },
 * };
 */
export interface OpenAIResponsesOptions {
  /** Extra output to return, e.g. `reasoning.encrypted_content` to keep reasoning across stateless turns. */
  include?: OpenAIResponsesInclude[];
  /** Sent as `instructions`, ahead of the input. */
  instructions?: string;
  /** `true` asks for the top 20 log probabilities, a number for that many. */
  logprobs?: boolean | number;
  maxToolCalls?: number;
  /** Only string values are sent. */
  metadata?: Record<string, unknown>;
  parallelToolCalls?: boolean;
  /** Chains to a stored response; needs `store: true` and a prompt of only system and user messages. */
  previousResponseId?: string;
  promptCacheKey?: string;
  /** Reasoning models only. */
  reasoningEffort?: ReasoningEffort;
  /** Reasoning models only: `auto`, `concise` or `detailed`. */
  reasoningSummary?: string;
  safetyIdentifier?: string;
  /** `flex` and `priority` are dropped, with a warning, for models that do not offer them. */
  serviceTier?: 'auto' | 'flex' | 'priority';
  /** Whether OpenAI keeps the response. @default false */
  store?: boolean;
  /** The `strict` flag of function tools. @default false */
  strictJsonSchema?: boolean;
  /** Sent as `text.verbosity`. */
  textVerbosity?: 'low' | 'medium' | 'high';
  user?: string;
}

/**
 * Metadata of a reasoning part, under `providerMetadata.openai` (Fantasy's `ResponsesReasoningMetadata`).
 * Reasoning is never sent back in `input`, so this is for the caller: the item id, the encrypted reasoning
 * (when `include` asked for it) and the summary texts.
 */
export type OpenAIResponsesReasoningMetadata = {
  /** The reasoning item's id, e.g. `rs_...`. */
  itemId: string;
  /** Present when the call asked for `include: ['reasoning.encrypted_content']`. */
  encryptedContent?: string;
  /** One text per summary part, in order. */
  summary: string[];
};

/** Metadata of a web search's tool call and result, under `providerMetadata.openai`. */
export type OpenAIWebSearchCallMetadata = {
  /** The `web_search_call` item's id, e.g. `ws_...`. */
  itemId: string;
  /** What the search did: `{ type: 'search', query, sources? }`, as OpenAI sent it. */
  action?: Record<string, unknown>;
};

/** Response-level metadata, under `providerMetadata.openai` of a result or `finish` part. */
export type OpenAIResponsesProviderMetadata = {
  /** Usable as `previousResponseId` when the response was stored. */
  responseId: string;
  /** Token log probabilities of the output text, when `logprobs` was asked for. */
  logprobs?: OpenAILogprob[];
};
