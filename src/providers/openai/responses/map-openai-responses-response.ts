import type { Content } from '../../../spec/content.js';
import type { GenerateResponse } from '../../../spec/generate-result.js';
import { mapOpenAIResponsesError } from './map-openai-responses-error.js';
import { mapOpenAIResponsesFinishReason } from './map-openai-responses-finish-reason.js';
import {
  mapOpenAIResponsesAnnotation,
  mapOpenAIResponsesReasoning,
  mapOpenAIWebSearchCall,
} from './map-openai-responses-output.js';
import { mapOpenAIResponsesUsage } from './map-openai-responses-usage.js';
import type { ResponsesOutputItem, ResponsesResponse } from './openai-responses-api.js';

/** Output item type → the content it becomes. Unknown item types are skipped. */
const itemMappers: Record<string, (item: ResponsesOutputItem) => Content[]> = {
  message: mapMessage,
  function_call: (item) => [
    {
      type: 'tool-call',
      toolCallId: item.call_id ?? '',
      toolName: item.name ?? '',
      input: item.arguments || '{}',
    },
  ],
  web_search_call: mapOpenAIWebSearchCall,
  reasoning: (item) => {
    const reasoning = mapOpenAIResponsesReasoning(item);
    return reasoning ? [reasoning] : [];
  },
};

/** Text per `output_text` part, each followed by the sources its annotations cite. */
function mapMessage(item: ResponsesOutputItem): Content[] {
  const content: Content[] = [];
  for (const part of item.content ?? []) {
    if (part.type !== 'output_text') continue;
    content.push({ type: 'text', text: part.text ?? '' });
    for (const annotation of part.annotations ?? []) {
      const source = mapOpenAIResponsesAnnotation(annotation);
      if (source) content.push(source);
    }
  }
  return content;
}

/** Maps a non-streamed response; a response that reports an error throws it as an `APICallError`. */
export function mapOpenAIResponsesResponse(options: {
  response: ResponsesResponse;
  url: string;
  responseBody: string;
  responseHeaders: Record<string, string>;
}): GenerateResponse {
  const { response } = options;
  if (response.error?.message) {
    throw mapOpenAIResponsesError({
      url: options.url,
      title: 'provider error',
      error: response.error,
      responseBody: options.responseBody,
    });
  }
  const output = response.output ?? [];
  const content = output.flatMap((item) => itemMappers[item.type ?? '']?.(item) ?? []);
  const hasFunctionCall = output.some((item) => item.type === 'function_call');
  return {
    content,
    finishReason: mapOpenAIResponsesFinishReason(response.incomplete_details?.reason, hasFunctionCall),
    usage: mapOpenAIResponsesUsage(response.usage),
    warnings: [],
    ...(response.id ? { providerMetadata: { openai: { responseId: response.id } } } : {}),
    response: {
      ...(response.id ? { id: response.id } : {}),
      ...(response.model ? { modelId: response.model } : {}),
      headers: options.responseHeaders,
    },
  };
}
