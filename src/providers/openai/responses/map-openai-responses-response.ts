import type { Content } from '../../../spec/content.js';
import type { GenerateResponse } from '../../../spec/generate-result.js';
import { mapWireSafely } from '../../shared/wire-type-error.js';
import { mapOpenAILogprobs, type OpenAILogprob } from '../map-openai-logprobs.js';
import { mapOpenAIResponsesError } from './map-openai-responses-error.js';
import { mapOpenAIResponsesFinishReason } from './map-openai-responses-finish-reason.js';
import {
  mapOpenAIResponsesAnnotation,
  mapOpenAIResponsesReasoning,
  mapOpenAIWebSearchCall,
} from './map-openai-responses-output.js';
import {
  expandParallelCall,
  mapApprovalRequest,
  mapCompaction,
  unknownItemWarning,
} from './map-openai-responses-special-items.js';
import {
  clientItems,
  hostedItems,
  isServerCustomCall,
  mapClientItem,
  mapHostedItem,
} from './map-openai-responses-tool-items.js';
import { mapOpenAIResponsesUsage } from './map-openai-responses-usage.js';
import { mapToolSearchCall, mapToolSearchOutput, toolSearchCallId } from './map-openai-tool-search-items.js';
import type { ResponsesOutputItem, ResponsesResponse } from './openai-responses-api.js';
import { checkResponsesResponse } from './read-responses-wire.js';

/** Output item type → the content it becomes. Unknown item types are skipped. */
const itemMappers: Record<string, (item: ResponsesOutputItem) => Content[]> = {
  message: mapMessage,
  function_call: (item) =>
    expandParallelCall({
      type: 'tool-call',
      toolCallId: item.call_id ?? '',
      toolName: item.name ?? '',
      input: item.arguments || '{}',
    }),
  web_search_call: mapOpenAIWebSearchCall,
  reasoning: (item) => {
    const reasoning = mapOpenAIResponsesReasoning(item);
    return reasoning ? [reasoning] : [];
  },
  mcp_approval_request: (item) => [mapApprovalRequest(item)],
  compaction: (item) => [mapCompaction(item)],
  tool_search_call: (item) => [mapToolSearchCall(item)],
  ...Object.fromEntries(Object.keys(hostedItems).map((type) => [type, mapHostedItem])),
  ...Object.fromEntries(
    Object.keys(clientItems).map((type) => [type, (item: ResponsesOutputItem) => mapClientItem(item)]),
  ),
};

/** Items that are calls for the caller to run: the response finishes with `tool-calls`. */
export function isClientCallItem(type: string | undefined): boolean {
  return type === 'function_call' || (type !== undefined && type in clientItems);
}

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
  /** The custom tools the call declared; other custom tool calls ran at the server. */
  customToolNames?: ReadonlySet<string>;
}): GenerateResponse {
  return mapWireSafely(options.response, () => mapOpenAIResponsesResponseUnsafe(options));
}

function mapOpenAIResponsesResponseUnsafe(options: {
  response: ResponsesResponse;
  url: string;
  responseBody: string;
  responseHeaders: Record<string, string>;
  customToolNames?: ReadonlySet<string>;
}): GenerateResponse {
  const response = checkResponsesResponse(options.response, 'the response');
  if (response.error?.message) {
    throw mapOpenAIResponsesError({
      url: options.url,
      title: 'provider error',
      error: response.error,
      responseBody: options.responseBody,
    });
  }
  const output = response.output ?? [];
  const content: Content[] = [];
  const unknownItems: ResponsesOutputItem[] = [];
  const names = options.customToolNames;
  let toolSearchCall: string | undefined;
  for (const item of output) {
    if (item.type === 'tool_search_output') {
      content.push(mapToolSearchOutput(item, toolSearchCall));
      continue;
    }
    if (item.type === 'tool_search_call') toolSearchCall = toolSearchCallId(item);
    const mapper =
      item.type === 'custom_tool_call'
        ? (custom: ResponsesOutputItem) => mapClientItem(custom, names)
        : itemMappers[item.type ?? ''];
    if (mapper) content.push(...mapper(item));
    else unknownItems.push(item);
  }
  const hasFunctionCall = output.some(
    (item) => isClientCallItem(item.type) && !isServerCustomCall(item, names),
  );
  const logprobs = readLogprobs(output);
  const metadata = {
    ...(response.id ? { responseId: response.id } : {}),
    ...(unknownItems.length > 0 ? { unknownItems } : {}),
    ...(logprobs ? { logprobs } : {}),
  };
  return {
    content,
    finishReason: mapOpenAIResponsesFinishReason(response.incomplete_details?.reason, hasFunctionCall),
    usage: mapOpenAIResponsesUsage(response.usage),
    warnings: unknownItems.map((item) => unknownItemWarning(item.type)),
    ...(Object.keys(metadata).length > 0 ? { providerMetadata: { openai: metadata } } : {}),
    response: {
      ...(response.id ? { id: response.id } : {}),
      ...(response.model ? { modelId: response.model } : {}),
      headers: options.responseHeaders,
    },
  };
}

/** The log probabilities of every `output_text` part, in order; undefined when none carries them. */
function readLogprobs(output: readonly ResponsesOutputItem[]): OpenAILogprob[] | undefined {
  let logprobs: OpenAILogprob[] | undefined;
  output.forEach((item, index) => {
    item.content?.forEach((part, partIndex) => {
      if (part.type !== 'output_text' || !part.logprobs) return;
      const tokens = mapOpenAILogprobs(part.logprobs, `output[${index}].content[${partIndex}].logprobs`);
      logprobs = logprobs ? logprobs.concat(tokens) : tokens;
    });
  });
  return logprobs;
}
