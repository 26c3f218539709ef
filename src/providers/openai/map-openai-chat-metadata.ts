import type { ProviderMetadata } from '../../spec/provider-options.js';
import { readTokenCount, readUsageDetails } from '../shared/read-token-count.js';
import type { OpenAILogprob } from './map-openai-logprobs.js';
import type { ChatUsage } from './openai-chat-api.js';

/** What a chat-completions response adds under `providerMetadata[<options key>]`. */
export interface OpenAIChatProviderMetadata {
  /** Token log probabilities, when `logprobs` was asked for. */
  logprobs?: OpenAILogprob[];
  /** Predicted-output tokens that appeared in the completion (reported when non-zero). */
  acceptedPredictionTokens?: number;
  /** Predicted-output tokens that did not, billed as output (reported when non-zero). */
  rejectedPredictionTokens?: number;
}

/**
 * The response metadata of a chat completion: ours (logprobs, prediction tokens) under `key`, merged into
 * what the dialect reports (a gateway's cost). Undefined when there is nothing to report.
 */
export function mapOpenAIChatMetadata(options: {
  key: string;
  usage: ChatUsage | null | undefined;
  logprobs: OpenAILogprob[] | undefined;
  dialectMetadata: ProviderMetadata | undefined;
}): ProviderMetadata | undefined {
  const ours: OpenAIChatProviderMetadata = {};
  if (options.logprobs !== undefined) ours.logprobs = options.logprobs;
  const details = options.usage ? readUsageDetails(options.usage, 'completion_tokens_details') : undefined;
  if (details) {
    const accepted = readTokenCount(details, 'accepted_prediction_tokens');
    const rejected = readTokenCount(details, 'rejected_prediction_tokens');
    if (accepted) ours.acceptedPredictionTokens = accepted;
    if (rejected) ours.rejectedPredictionTokens = rejected;
  }
  const { dialectMetadata, key } = options;
  if (Object.keys(ours).length === 0) return dialectMetadata;
  return { ...dialectMetadata, [key]: { ...dialectMetadata?.[key], ...ours } };
}
