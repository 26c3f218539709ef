import { InvalidResponseError } from '../../errors/invalid-response-error.js';
import type { Content } from '../../spec/content.js';
import type { GenerateResult } from '../../spec/generate-result.js';
import { mapOpenAIChatUsage } from './map-openai-chat-usage.js';
import { mapOpenAIFinishReason } from './map-openai-finish-reason.js';
import type { ChatCompletion, ChatDelta } from './openai-chat-api.js';

/** Maps a non-streamed chat completion (its first choice) to a result. */
export function mapOpenAIChatResponse(options: {
  completion: ChatCompletion;
  readReasoning: ((delta: ChatDelta) => string | undefined) | undefined;
  responseHeaders: Record<string, string>;
}): GenerateResult {
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
  const reasoning = options.readReasoning?.(message as ChatDelta);
  if (reasoning !== undefined) content.push({ type: 'reasoning', text: reasoning });
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
  return {
    content,
    finishReason: hasToolCalls ? 'tool-calls' : mapOpenAIFinishReason(choice.finish_reason),
    usage: mapOpenAIChatUsage(completion.usage),
    warnings: [],
    response: {
      ...(completion.id ? { id: completion.id } : {}),
      ...(completion.model ? { modelId: completion.model } : {}),
      headers: options.responseHeaders,
    },
  };
}
