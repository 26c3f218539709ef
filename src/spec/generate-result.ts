import type { CallWarning } from './call-warning.js';
import { type Content, reasoningTextOf, textOf } from './content.js';
import type { FinishReason } from './finish-reason.js';
import type { ProviderMetadata } from './provider-options.js';
import type { Usage } from './usage.js';

/** What the HTTP exchange looked like, for debugging. */
export interface ResponseInfo {
  /** The provider's response id. */
  id?: string;
  /** The model that actually answered. */
  modelId?: string;
  headers?: Record<string, string>;
}

/** A complete, non-streamed model response. */
export interface GenerateResult {
  content: Content[];
  /** Every text block of `content` joined, `''` when there is none. */
  text: string;
  /** Every reasoning block of `content` joined, `''` when there is none. */
  reasoningText: string;
  finishReason: FinishReason;
  usage: Usage;
  warnings: CallWarning[];
  providerMetadata?: ProviderMetadata;
  response?: ResponseInfo;
}

/** A response as a provider maps it, before `text` and `reasoningText` are derived from its content. */
export type GenerateResponse = Omit<GenerateResult, 'text' | 'reasoningText'>;

/**
 * The result with `text` and `reasoningText` taken from its content (any given ones are replaced, so they
 * always agree with the content).
 */
export function withResultText(response: GenerateResponse): GenerateResult {
  return { ...response, text: textOf(response.content), reasoningText: reasoningTextOf(response.content) };
}
