import type { ApplyProviderOptionsContext, ChatDialect } from '../../openai/openai-chat-dialect.js';
import { convertToGatewayChatMessages } from './convert-to-gateway-chat-messages.js';
import type { GatewayReasoningRules } from './gateway-reasoning-rules.js';
import { mapGatewayMetadata } from './map-gateway-metadata.js';
import { mapReasoningDetails } from './map-reasoning-details.js';
import { createReasoningDetailsStream } from './reasoning-details-stream.js';

/** What a gateway dialect sets; everything else is shared. */
export interface GatewayDialectSettings {
  /** Reported as `LanguageModel.provider`. */
  provider: string;
  /** The `providerOptions` key of the call options, and of the response metadata. */
  optionsKey: string;
  applyProviderOptions(context: ApplyProviderOptionsContext): void;
  /** The provider-options key an image's `imageDetail` is read from. */
  imageDetailKey: string;
  /** Whether `xai/` models get `xai-responses-v1` reasoning details on history. */
  xaiResponses: boolean;
  reasoning: GatewayReasoningRules;
}

/**
 * A chat-completions dialect for a gateway that routes to many upstream models (OpenRouter, Vercel AI
 * Gateway): reasoning from `reasoning_details` with each family's metadata, history in the format each model
 * family expects, Anthropic cache control passed through, usage cost in the response metadata, and objects
 * generated in tool mode.
 */
export function createGatewayDialect(settings: GatewayDialectSettings): ChatDialect {
  const { imageDetailKey, xaiResponses, reasoning, optionsKey } = settings;
  return {
    provider: settings.provider,
    optionsKey,
    defaultObjectMode: 'tool',
    applyProviderOptions: settings.applyProviderOptions,
    convertMessages: (prompt, { modelId }) =>
      convertToGatewayChatMessages(prompt, { modelId, imageDetailKey, xaiResponses }),
    readMessageReasoning: (message) => mapReasoningDetails(message, reasoning),
    createReasoningStream: () => createReasoningDetailsStream(reasoning),
    mapProviderMetadata: (response) => mapGatewayMetadata(response, optionsKey),
  };
}
