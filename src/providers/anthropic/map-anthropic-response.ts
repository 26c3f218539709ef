import type { Content } from '../../spec/content.js';
import type { GenerateResponse } from '../../spec/generate-result.js';
import { isWireObject, wireTypeError } from '../shared/wire-type-error.js';
import type { AnthropicResponse, AnthropicResponseBlock } from './anthropic-api.js';
import { anthropicOptionsKey } from './anthropic-options.js';
import { readWebSearchResult } from './anthropic-web-search.js';
import { mapAnthropicFinishReason } from './map-anthropic-finish-reason.js';
import { mapAnthropicUsage } from './map-anthropic-usage.js';
import { readAnthropicContent, readAnthropicUsage } from './read-anthropic-wire.js';

/**
 * Maps a Messages API response. Reasoning keeps its signature (or redacted data) in
 * `providerMetadata.anthropic`; a web search result becomes one source per hit, then a provider-executed
 * tool result whose metadata replays it.
 */
export function mapAnthropicResponse(options: {
  response: AnthropicResponse;
  responseHeaders: Record<string, string>;
}): Omit<GenerateResponse, 'warnings'> {
  const { response } = options;
  if (!isWireObject(response as unknown)) {
    throw wireTypeError({ path: 'the response', expected: 'an object', value: response });
  }
  const content: Content[] = [];
  for (const block of readAnthropicContent(response.content)) content.push(...mapBlock(block));
  return {
    content,
    finishReason: mapAnthropicFinishReason(response.stop_reason),
    usage: mapAnthropicUsage(readAnthropicUsage(response.usage, 'usage')),
    response: {
      ...(typeof response.id === 'string' ? { id: response.id } : {}),
      ...(typeof response.model === 'string' ? { modelId: response.model } : {}),
      headers: options.responseHeaders,
    },
  };
}

function mapBlock(block: AnthropicResponseBlock): Content[] {
  switch (block.type) {
    case 'text':
      return [{ type: 'text', text: block.text ?? '' }];
    case 'thinking':
      return [
        {
          type: 'reasoning',
          text: block.thinking ?? '',
          providerMetadata: { [anthropicOptionsKey]: { signature: block.signature ?? '' } },
        },
      ];
    case 'redacted_thinking':
      return [
        {
          type: 'reasoning',
          text: '',
          providerMetadata: { [anthropicOptionsKey]: { redactedData: block.data ?? '' } },
        },
      ];
    case 'tool_use':
    case 'server_tool_use':
      return [
        {
          type: 'tool-call',
          toolCallId: block.id ?? '',
          toolName: block.name ?? '',
          input: JSON.stringify(block.input ?? {}),
          ...(block.type === 'server_tool_use' ? { providerExecuted: true } : {}),
        },
      ];
    case 'web_search_tool_result':
      return mapWebSearchResult(block);
    default:
      return [];
  }
}

function mapWebSearchResult(block: AnthropicResponseBlock): Content[] {
  const { sources, metadata } = readWebSearchResult(block.content);
  return [
    ...sources,
    {
      type: 'tool-result',
      toolCallId: block.tool_use_id ?? '',
      toolName: 'web_search',
      providerExecuted: true,
      providerMetadata: { [anthropicOptionsKey]: { ...metadata } },
    },
  ];
}
