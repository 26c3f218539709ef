import type { CallWarning } from '../../spec/call-warning.js';
import type { Content } from '../../spec/content.js';
import type { GenerateResponse } from '../../spec/generate-result.js';
import { isWireObject, mapWireSafely, wireTypeError } from '../shared/wire-type-error.js';
import type { AnthropicResponse, AnthropicResponseBlock } from './anthropic-api.js';
import { anthropicOptionsKey } from './anthropic-options.js';
import { mapAnthropicFinishReason } from './map-anthropic-finish-reason.js';
import {
  citationsMetadata,
  isServerToolResult,
  mapCitation,
  mapServerToolResultBlock,
  mapToolCallBlock,
  type ServerBlockContext,
} from './map-anthropic-server-blocks.js';
import { mapAnthropicUsage } from './map-anthropic-usage.js';
import { readAnthropicContent, readAnthropicUsage } from './read-anthropic-wire.js';
import { sumAnthropicIterations } from './sum-anthropic-iterations.js';
import { unknownBlockWarning } from './unknown-anthropic-block.js';

/**
 * Maps a Messages API response. Reasoning keeps its signature (or redacted data) in
 * `providerMetadata.anthropic`; text keeps its citations as received there and they follow it as sources; server tool results become their
 * sources, then a provider-executed tool result whose metadata replays them; compaction blocks become
 * reasoning marked `compaction`. Unknown blocks are kept in `providerMetadata.anthropic.unknownBlocks` with a
 * warning each.
 */
export function mapAnthropicResponse(options: {
  response: AnthropicResponse;
  responseHeaders: Record<string, string>;
}): GenerateResponse {
  return mapWireSafely(options.response, () => mapAnthropicResponseUnsafe(options));
}

function mapAnthropicResponseUnsafe(options: {
  response: AnthropicResponse;
  responseHeaders: Record<string, string>;
}): GenerateResponse {
  const { response } = options;
  if (!isWireObject(response as unknown)) {
    throw wireTypeError({ path: 'the response', expected: 'an object', value: response });
  }
  const blocks = readAnthropicContent(response.content);
  const context: ServerBlockContext = {
    toolNames: new Map(blocks.flatMap((block) => (block.id ? [[block.id, block.name ?? '']] : []))),
    containerId: response.container?.id ?? undefined,
  };
  const content: Content[] = [];
  const warnings: CallWarning[] = [];
  const unknownBlocks: AnthropicResponseBlock[] = [];
  for (const block of blocks) {
    const mapped = mapBlock(block, context);
    if (mapped !== undefined) content.push(...mapped);
    else {
      unknownBlocks.push(block);
      warnings.push(unknownBlockWarning(block.type));
    }
  }
  const metadata = responseMetadata(response, unknownBlocks);
  return {
    content,
    finishReason: mapAnthropicFinishReason(response.stop_reason),
    usage: mapAnthropicUsage(sumAnthropicIterations(readAnthropicUsage(response.usage, 'usage'))),
    warnings,
    ...(metadata === undefined ? {} : { providerMetadata: { [anthropicOptionsKey]: metadata } }),
    response: {
      ...(typeof response.id === 'string' ? { id: response.id } : {}),
      ...(typeof response.model === 'string' ? { modelId: response.model } : {}),
      headers: options.responseHeaders,
    },
  };
}

function responseMetadata(response: AnthropicResponse, unknownBlocks: AnthropicResponseBlock[]) {
  const metadata: Record<string, unknown> = {};
  if (response.container?.id) metadata.container = response.container;
  if (Array.isArray(response.usage?.iterations)) metadata.iterations = response.usage.iterations;
  if (unknownBlocks.length > 0) metadata.unknownBlocks = unknownBlocks;
  return Object.keys(metadata).length === 0 ? undefined : metadata;
}

/** The content of one block; `undefined` for a block type we do not know. */
function mapBlock(block: AnthropicResponseBlock, context: ServerBlockContext): Content[] | undefined {
  switch (block.type) {
    case 'text':
      return [
        { type: 'text', text: block.text ?? '', ...citationsMetadata(block.citations ?? []) },
        ...(block.citations ?? []).flatMap((citation) => mapCitation(citation) ?? []),
      ];
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
    case 'compaction':
      return [
        {
          type: 'reasoning',
          text: typeof block.content === 'string' ? block.content : '',
          providerMetadata: { [anthropicOptionsKey]: { compaction: true } },
        },
      ];
    case 'tool_use':
    case 'server_tool_use':
    case 'mcp_tool_use':
      return [mapToolCallBlock(block, JSON.stringify(block.input ?? {}), context)];
    default:
      return isServerToolResult(block.type) ? mapServerToolResultBlock(block, context) : undefined;
  }
}
