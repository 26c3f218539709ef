import type { ProviderOptions } from '../../../spec/provider-options.js';

/**
 * Which upstream family a reasoning detail comes from; each keeps its own metadata, under the key its direct
 * provider uses, so reasoning from a gateway reads like reasoning from that provider.
 */
export type ReasoningFamily = 'responses' | 'anthropic' | 'google' | 'other';

/** The family of a detail's `format`. */
export function reasoningFamilyOf(format: string | undefined): ReasoningFamily {
  if (format === undefined) return 'other';
  if (format.startsWith('openai-responses') || format.startsWith('xai-responses')) return 'responses';
  if (format.startsWith('anthropic-claude')) return 'anthropic';
  if (format.startsWith('google-gemini')) return 'google';
  return 'other';
}

/** OpenAI/xAI Responses reasoning, under `providerMetadata.openai` (as the OpenAI Responses provider writes it). */
export interface ResponsesReasoningMetadata {
  /** The reasoning item id, e.g. `rs_...`; empty when the gateway sent none. */
  itemId: string;
  encryptedContent?: string;
  /** One text per summary part. */
  summary: string[];
}

/** Anthropic thinking, under `providerMetadata.anthropic` (as the Anthropic provider writes it). */
export interface AnthropicReasoningMetadata {
  signature: string;
}

/** Gemini reasoning, under `providerMetadata.google` (as the Google provider writes it). */
export interface GoogleReasoningMetadata {
  /** Empty when Gemini sent only reasoning text. */
  thoughtSignature: string;
  /** The tool call the signature belongs to, when it belongs to one. */
  toolId?: string;
}

/** A part's Responses reasoning metadata, if it carries any. */
export function responsesMetadataOf(
  options: ProviderOptions | undefined,
): ResponsesReasoningMetadata | undefined {
  const metadata = options?.openai;
  if (metadata === undefined) return undefined;
  const summary = Array.isArray(metadata.summary)
    ? metadata.summary.filter((text): text is string => typeof text === 'string')
    : undefined;
  const encryptedContent = stringOf(metadata.encryptedContent);
  if (summary === undefined && encryptedContent === undefined) return undefined;
  return {
    itemId: stringOf(metadata.itemId) ?? '',
    summary: summary ?? [],
    ...(encryptedContent === undefined ? {} : { encryptedContent }),
  };
}

/** A part's Anthropic signature metadata, if it carries any. */
export function anthropicMetadataOf(
  options: ProviderOptions | undefined,
): AnthropicReasoningMetadata | undefined {
  const signature = stringOf(options?.anthropic?.signature);
  return signature === undefined ? undefined : { signature };
}

/** A part's Gemini signature metadata, if it carries any. */
export function googleMetadataOf(options: ProviderOptions | undefined): GoogleReasoningMetadata | undefined {
  const thoughtSignature = stringOf(options?.google?.thoughtSignature);
  if (thoughtSignature === undefined) return undefined;
  const toolId = stringOf(options?.google?.toolId);
  return toolId === undefined ? { thoughtSignature } : { thoughtSignature, toolId };
}

function stringOf(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
