import { InvalidResponseError } from '../../errors/invalid-response-error.js';
import type { Content, ReasoningContent } from '../../spec/content.js';
import type { GenerateResponse } from '../../spec/generate-result.js';
import type { ProviderMetadata } from '../../spec/provider-options.js';
import { mapOpenAIChatUsage } from './map-openai-chat-usage.js';
import { mapOpenAIFinishReason } from './map-openai-finish-reason.js';
import type { ChatCompletion, ChatDelta, ChatResponseMessage } from './openai-chat-api.js';

/** Maps a non-streamed chat completion (its first choice) to a result. */
export function mapOpenAIChatResponse(options: {
  completion: ChatCompletion;
  readReasoning: ((delta: ChatDelta) => string | undefined) | undefined;
  /** Reads reasoning parts with metadata; takes precedence over `readReasoning`. */
  readMessageReasoning?: ((message: ChatResponseMessage) => ReasoningContent[]) | undefined;
  mapProviderMetadata?: ((completion: ChatCompletion) => ProviderMetadata | undefined) | undefined;
  responseHeaders: Record<string, string>;
}): GenerateResponse {
  const { completion } = options;
  const choice = completion.choices?.[0];
  if (choice === undefined) {
    throw new InvalidResponseError({
      message: 'the response has no choices',
      data: JSON.stringify(completion),
    });
  }
  const message = choice.message ?? {};
  const content: Content[] = [];
  if (message.content) content.push({ type: 'text', text: message.content });
  content.push(...readReasoningContent(message, options));
  for (const [index, call] of (message.tool_calls ?? []).entries()) {
    content.push({
      type: 'tool-call',
      toolCallId: call.id || `tool-call-${index}`,
      toolName: call.function?.name ?? '',
      input: call.function?.arguments || '{}',
    });
  }
  for (const annotation of message.annotations ?? []) {
    if (annotation.type !== 'url_citation' || !annotation.url_citation?.url) continue;
    const { url, title } = annotation.url_citation;
    content.push({
      type: 'source',
      sourceType: 'url',
      id: crypto.randomUUID(),
      url,
      ...(title ? { title } : {}),
    });
  }
  const hasToolCalls = (message.tool_calls?.length ?? 0) > 0;
  const providerMetadata = options.mapProviderMetadata?.(completion);
  return {
    content,
    finishReason: hasToolCalls ? 'tool-calls' : mapOpenAIFinishReason(choice.finish_reason),
    usage: mapOpenAIChatUsage(completion.usage),
    warnings: [],
    ...(providerMetadata === undefined ? {} : { providerMetadata }),
    response: {
      ...(completion.id ? { id: completion.id } : {}),
      ...(completion.model ? { modelId: completion.model } : {}),
      headers: options.responseHeaders,
    },
  };
}

function readReasoningContent(
  message: ChatResponseMessage,
  options: Parameters<typeof mapOpenAIChatResponse>[0],
): ReasoningContent[] {
  if (options.readMessageReasoning) return options.readMessageReasoning(message);
  const reasoning = options.readReasoning?.(message as ChatDelta);
  return reasoning === undefined ? [] : [{ type: 'reasoning', text: reasoning }];
}
