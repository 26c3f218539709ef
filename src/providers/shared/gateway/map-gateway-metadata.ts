import type { ProviderMetadata } from '../../../spec/provider-options.js';
import type { ChatCompletion, ChatCompletionChunk } from '../../openai/openai-chat-api.js';

/** Usage accounting a gateway reports with a response, under `providerMetadata[<gateway>]`. */
export interface GatewayMetadata {
  /** The upstream provider that served the request, e.g. `Amazon Bedrock` (OpenRouter). */
  provider?: string;
  usage?: {
    promptTokens?: number;
    completionTokens?: number;
    totalTokens?: number;
    cachedTokens?: number;
    reasoningTokens?: number;
    /** What the request cost, in credits (USD). */
    cost?: number;
    /** The cost broken down, keys camelCased (`upstreamInferenceCost`, ...). */
    costDetails?: Record<string, unknown>;
  };
}

interface GatewayUsage {
  prompt_tokens?: number;
  completion_tokens?: number;
  total_tokens?: number;
  cost?: unknown;
  cost_details?: unknown;
  prompt_tokens_details?: { cached_tokens?: number } | null;
  completion_tokens_details?: { reasoning_tokens?: number } | null;
}

/**
 * The response-level metadata of a completion or of the stream's usage chunk: the upstream provider and the
 * usage with its cost, under `key`. Undefined when the response has neither.
 */
export function mapGatewayMetadata(
  response: ChatCompletion | ChatCompletionChunk,
  key: string,
): ProviderMetadata | undefined {
  const metadata: GatewayMetadata = {};
  if (typeof response.provider === 'string') metadata.provider = response.provider;
  const usage = response.usage as GatewayUsage | null | undefined;
  if (usage) metadata.usage = mapUsage(usage);
  return Object.keys(metadata).length === 0 ? undefined : { [key]: { ...metadata } };
}

function mapUsage(usage: GatewayUsage): NonNullable<GatewayMetadata['usage']> {
  const fields: NonNullable<GatewayMetadata['usage']> = {
    promptTokens: usage.prompt_tokens ?? 0,
    completionTokens: usage.completion_tokens ?? 0,
    totalTokens: usage.total_tokens ?? 0,
    cachedTokens: usage.prompt_tokens_details?.cached_tokens ?? 0,
    reasoningTokens: usage.completion_tokens_details?.reasoning_tokens ?? 0,
  };
  if (typeof usage.cost === 'number') fields.cost = usage.cost;
  if (typeof usage.cost_details === 'object' && usage.cost_details !== null) {
    fields.costDetails = camelCaseKeys(usage.cost_details as Record<string, unknown>);
  }
  return fields;
}

function camelCaseKeys(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(record).map(([name, value]) => [
      name.replace(/_([a-z0-9])/g, (_match, letter: string) => letter.toUpperCase()),
      value,
    ]),
  );
}
