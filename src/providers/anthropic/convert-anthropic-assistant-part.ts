import type { CallWarning } from '../../spec/call-warning.js';
import type { MessagePart, ReasoningPart, TextPart, ToolCallPart } from '../../spec/message.js';
import type { ProviderOptions } from '../../spec/provider-options.js';
import type {
  AnthropicCacheControl,
  AnthropicContentBlock,
  AnthropicReplayedBlock,
  AnthropicTextBlock,
  AnthropicToolUseBlock,
} from './anthropic-api.js';
import { anthropicOptionsKey, reasoningMetadataOf } from './anthropic-options.js';
import { convertWebSearchResult } from './anthropic-web-search.js';
import { convertAnthropicCitations } from './convert-anthropic-citations.js';

/** What converting one assistant part needs. */
export interface AssistantPartContext {
  part: MessagePart;
  cacheControl: AnthropicCacheControl | undefined;
  sendReasoning: boolean;
}

/**
 * Converts one assistant part: text with its citations, reasoning with its signature (or redacted data) sent back unchanged, our
 * tool calls as `tool_use`, the provider's as `server_tool_use`, and web search results as received. Cache
 * control never goes on reasoning or provider-executed blocks.
 */
export function convertAssistantPart(
  context: AssistantPartContext,
  warnings: CallWarning[],
): AnthropicContentBlock | undefined {
  const { part, cacheControl } = context;
  switch (part.type) {
    case 'text':
      return convertText(part, cacheControl);
    case 'reasoning':
      return convertReasoning(part, context.sendReasoning, warnings);
    case 'tool-call':
      return convertToolCall(part, cacheControl, warnings);
    case 'tool-result':
      if (!part.providerExecuted) return undefined;
      return (
        replayedBlock(part.providerOptions, part.toolCallId) ??
        convertWebSearchResult(part.toolCallId, part.providerOptions)
      );
    default:
      return undefined;
  }
}

/** A text block, with the citations the response gave it (kept in `providerOptions.anthropic.citations`). */
function convertText(part: TextPart, cacheControl: AnthropicCacheControl | undefined): AnthropicTextBlock {
  const citations = convertAnthropicCitations(part.providerOptions?.[anthropicOptionsKey]?.citations);
  return {
    type: 'text',
    text: part.text,
    ...(citations === undefined ? {} : { citations }),
    ...(cacheControl === undefined ? {} : { cache_control: cacheControl }),
  };
}

function convertReasoning(
  part: ReasoningPart,
  sendReasoning: boolean,
  warnings: CallWarning[],
): AnthropicContentBlock | undefined {
  const options = part.providerOptions?.[anthropicOptionsKey];
  // Compaction summaries replace the history before them: always sent back.
  if (options?.compaction === true) return { type: 'compaction', content: part.text };
  if (!sendReasoning) {
    warnings.push({ type: 'other', message: 'sending reasoning content is disabled (sendReasoning: false)' });
    return undefined;
  }
  const metadata = reasoningMetadataOf(part.providerOptions);
  if (metadata.signature) return { type: 'thinking', thinking: part.text, signature: metadata.signature };
  if (metadata.redactedData) return { type: 'redacted_thinking', data: metadata.redactedData };
  warnings.push({ type: 'other', message: 'reasoning without an Anthropic signature was not sent' });
  return undefined;
}

function convertToolCall(
  part: ToolCallPart,
  cacheControl: AnthropicCacheControl | undefined,
  warnings: CallWarning[],
): AnthropicContentBlock {
  const input = decodeInput(part, warnings);
  const options = part.providerOptions?.[anthropicOptionsKey];
  if (part.providerExecuted) {
    const serverName = options?.serverName;
    return typeof serverName === 'string'
      ? { type: 'mcp_tool_use', id: part.toolCallId, name: part.toolName, input, server_name: serverName }
      : { type: 'server_tool_use', id: part.toolCallId, name: part.toolName, input };
  }
  const block: AnthropicToolUseBlock = { type: 'tool_use', id: part.toolCallId, name: part.toolName, input };
  if (options?.caller !== undefined) block.caller = options.caller;
  if (cacheControl) block.cache_control = cacheControl;
  return block;
}

/**
 * The tool call's input as a JSON object. Empty or malformed input becomes `{}` (with a warning): the API
 * rejects a tool result whose call is missing, so the call is always sent.
 */
function decodeInput(part: ToolCallPart, warnings: CallWarning[]): unknown {
  if (part.input.trim() === '') return {};
  try {
    const input: unknown = JSON.parse(part.input);
    if (typeof input === 'object' && input !== null && !Array.isArray(input)) return input;
  } catch {
    // Falls through to the warning.
  }
  warnings.push({
    type: 'other',
    message: `tool call ${part.toolCallId} has malformed input JSON; sent with empty arguments`,
  });
  return {};
}

/** The server tool result block a provider-executed result kept, answering the given call. */
function replayedBlock(
  options: ProviderOptions | undefined,
  toolCallId: string,
): AnthropicReplayedBlock | undefined {
  const block = options?.[anthropicOptionsKey]?.block;
  if (typeof block !== 'object' || block === null || Array.isArray(block)) return undefined;
  const { type } = block as { type?: unknown };
  if (typeof type !== 'string' || !type.endsWith('_tool_result')) return undefined;
  return { ...(block as AnthropicReplayedBlock), tool_use_id: toolCallId };
}
