import { InvalidResponseError } from '../../errors/invalid-response-error.js';
import type { Content, ReasoningContent } from '../../spec/content.js';
import type { GenerateResponse } from '../../spec/generate-result.js';
import type { ProviderMetadata } from '../../spec/provider-options.js';
import {
  isWireObject,
  mapWireSafely,
  safeStringify,
  typeName,
  wireTypeError,
} from '../shared/wire-type-error.js';
import { mapOpenAIChatMetadata } from './map-openai-chat-metadata.js';
import { mapOpenAIChatUsage } from './map-openai-chat-usage.js';
import { mapOpenAIFinishReason } from './map-openai-finish-reason.js';
import { mapOpenAILogprobs } from './map-openai-logprobs.js';
import type {
  ChatCompletion,
  ChatCompletionChunk,
  ChatDelta,
  ChatResponseMessage,
} from './openai-chat-api.js';
import { type ChatContentPieces, readChatContent } from './read-chat-content.js';
import { readAnnotationSources, readPerplexitySources } from './read-chat-sources.js';
import { readChunkChoices, readToolCallDeltas } from './read-chat-wire.js';

/**
 * Maps a non-streamed chat completion (its first choice) to a result. A completion of the wrong shape
 * (`choices: 5`, `content: {}`) throws an `InvalidResponseError` holding the body.
 */
export function mapOpenAIChatResponse(options: {
  completion: ChatCompletion;
  readReasoning: ((delta: ChatDelta) => string | undefined) | undefined;
  /** Reads reasoning parts with metadata; takes precedence over `readReasoning`. */
  readMessageReasoning?: ((message: ChatResponseMessage) => ReasoningContent[]) | undefined;
  mapProviderMetadata?: ((completion: ChatCompletion) => ProviderMetadata | undefined) | undefined;
  /** The provider-metadata key of logprobs and prediction counts. @default 'openai' */
  metadataKey?: string;
  responseHeaders: Record<string, string>;
}): GenerateResponse {
  const { completion } = options;
  try {
    return mapWireSafely(completion, () => mapCompletion(options));
  } catch (error) {
    if (!InvalidResponseError.isInstance(error)) throw error;
    throw new InvalidResponseError({ message: error.message, data: safeStringify(completion), cause: error });
  }
}

function mapCompletion(options: Parameters<typeof mapOpenAIChatResponse>[0]): GenerateResponse {
  const { completion } = options;
  if (!isWireObject(completion)) {
    throw new InvalidResponseError({
      message: `the response is ${typeName(completion)}, expected an object`,
      data: safeStringify(completion),
    });
  }
  const choices = readChunkChoices(completion as ChatCompletionChunk) as NonNullable<
    ChatCompletion['choices']
  >;
  const choice = choices[0];
  if (choice === undefined) {
    throw new InvalidResponseError({
      message: 'the response has no choices',
      data: safeStringify(completion),
    });
  }
  const message = (choice.message ?? {}) as ChatResponseMessage;
  if (!isWireObject(message))
    throw wireTypeError({ path: 'choices[0].message', expected: 'an object', value: message });
  const metadataKey = options.metadataKey ?? 'openai';
  const pieces = readChatContent(message.content, 'choices[0].message.content');
  const toolCalls = readToolCallDeltas(message as ChatDelta, 'choices[0].message.tool_calls');
  const content: Content[] = [];
  if (pieces?.text) content.push({ type: 'text', text: pieces.text });
  content.push(...readReasoningContent(message, pieces, options));
  for (const [index, call] of toolCalls.entries()) {
    content.push({
      type: 'tool-call',
      toolCallId: call.id || `tool-call-${index}`,
      toolName: call.function?.name ?? '',
      input: call.function?.arguments || '{}',
    });
  }
  content.push(...readAnnotationSources(message.annotations, 'choices[0].message.annotations'));
  content.push(...readPerplexitySources(completion, metadataKey));
  const logprobs = (choice as { logprobs?: { content?: unknown } | null }).logprobs;
  const providerMetadata = mapOpenAIChatMetadata({
    key: metadataKey,
    usage: completion.usage,
    logprobs: logprobs?.content
      ? mapOpenAILogprobs(logprobs.content, 'choices[0].logprobs.content')
      : undefined,
    dialectMetadata: options.mapProviderMetadata?.(completion),
  });
  return {
    content,
    finishReason: toolCalls.length > 0 ? 'tool-calls' : mapOpenAIFinishReason(choice.finish_reason),
    usage: mapOpenAIChatUsage(completion.usage),
    warnings: [],
    ...(providerMetadata === undefined ? {} : { providerMetadata }),
    response: {
      ...(typeof completion.id === 'string' ? { id: completion.id } : {}),
      ...(typeof completion.model === 'string' ? { modelId: completion.model } : {}),
      headers: options.responseHeaders,
    },
  };
}

/** The dialect's reasoning, else the reasoning field, else the `thinking` parts of array content. */
function readReasoningContent(
  message: ChatResponseMessage,
  pieces: ChatContentPieces | undefined,
  options: Parameters<typeof mapOpenAIChatResponse>[0],
): ReasoningContent[] {
  if (options.readMessageReasoning) return options.readMessageReasoning(message);
  const reasoning = options.readReasoning?.(message as ChatDelta);
  if (reasoning !== undefined) return [{ type: 'reasoning', text: reasoning + (pieces?.reasoning ?? '') }];
  return pieces?.hasReasoning ? [{ type: 'reasoning', text: pieces.reasoning }] : [];
}
