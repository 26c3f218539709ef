import type { SourceContent, ToolCallContent, ToolResultContent } from '../../spec/content.js';
import type { JSONValue } from '../../spec/json-value.js';
import type { ProviderMetadata } from '../../spec/provider-options.js';
import type { AnthropicResponseBlock } from './anthropic-api.js';
import { type AnthropicServerToolMetadata, anthropicOptionsKey } from './anthropic-options.js';
import { readWebSearchResult } from './anthropic-web-search.js';

/** Blocks that are calls of tools Anthropic runs: server tools and MCP connector tools. */
export function isServerToolCall(type: string): boolean {
  return type === 'server_tool_use' || type === 'mcp_tool_use';
}

/**
 * Blocks that are results of tools Anthropic runs (`web_search_tool_result`, `web_fetch_tool_result`,
 * `bash_code_execution_tool_result`, `mcp_tool_result`, ...): every `*_tool_result` but our own
 * `tool_result`, so a result type added later still round-trips.
 */
export function isServerToolResult(type: string): boolean {
  return type !== 'tool_result' && type.endsWith('_tool_result');
}

/** What mapping a block may need from the rest of the response. */
export interface ServerBlockContext {
  /** Tool names by call id, for naming results. */
  toolNames: ReadonlyMap<string, string>;
  /** The code execution container of the response, when known. */
  containerId: string | undefined;
}

/**
 * A tool call block as a tool-call: provider-executed for `server_tool_use` and `mcp_tool_use` (with the
 * MCP server's name in metadata), and ours for `tool_use`, keeping the `caller` of programmatic calls.
 */
export function mapToolCallBlock(
  block: AnthropicResponseBlock,
  input: string,
  context: Pick<ServerBlockContext, 'containerId'>,
): ToolCallContent {
  const metadata: AnthropicServerToolMetadata = {};
  if (typeof block.server_name === 'string') metadata.serverName = block.server_name;
  // Direct calls say `caller: {type: 'direct'}`, which is not sent back; only programmatic callers are kept.
  if (isObject(block.caller) && block.caller.type !== 'direct') metadata.caller = block.caller;
  const providerExecuted = isServerToolCall(block.type);
  if ((providerExecuted || metadata.caller) && context.containerId)
    metadata.containerId = context.containerId;
  return {
    type: 'tool-call',
    toolCallId: block.id ?? '',
    toolName: block.name ?? '',
    input,
    ...(providerExecuted ? { providerExecuted: true } : {}),
    ...withMetadata(metadata),
  };
}

/**
 * A server tool result block: the sources it holds (web search hits, fetched pages, files code execution
 * wrote), then a provider-executed
 * tool-result whose metadata keeps the block exactly as received, to send back on the next turn. Web search
 * keeps its own metadata shape (results with encrypted content), which Fantasy's history uses.
 */
export function mapServerToolResultBlock(
  block: AnthropicResponseBlock,
  context: ServerBlockContext,
): Array<SourceContent | ToolResultContent> {
  const toolCallId = block.tool_use_id ?? '';
  const toolName = context.toolNames.get(toolCallId) ?? block.type.replace(/_tool_result$/, '');
  if (block.type === 'web_search_tool_result') {
    const { sources, metadata } = readWebSearchResult(block.content);
    return [
      ...sources,
      {
        type: 'tool-result',
        toolCallId,
        toolName,
        providerExecuted: true,
        providerMetadata: { [anthropicOptionsKey]: { ...metadata } },
      },
    ];
  }
  const metadata: AnthropicServerToolMetadata = { block: { ...block } as Record<string, unknown> };
  if (isErrorResult(block)) metadata.isError = true;
  if (context.containerId) metadata.containerId = context.containerId;
  return [
    ...resultSources(block, context),
    {
      type: 'tool-result',
      toolCallId,
      toolName,
      // The typed result: the block's content, as Anthropic documents it per tool.
      output: { type: 'json', value: (block.content ?? null) as JSONValue },
      providerExecuted: true,
      ...withMetadata(metadata),
    },
  ];
}

/** `mcp_tool_result` says `is_error`; the others put a `*_error` typed object in `content`. */
function isErrorResult(block: AnthropicResponseBlock): boolean {
  if (block.is_error === true) return true;
  const type = isObject(block.content) ? block.content.type : undefined;
  return typeof type === 'string' && type.endsWith('_error');
}

/** The sources a result holds: a fetched page (a url source), the files code execution wrote. */
function resultSources(block: AnthropicResponseBlock, context: ServerBlockContext): SourceContent[] {
  if (block.type === 'web_fetch_tool_result') return fetchedPageSources(block);
  return generatedFileSources(block, context);
}

/** A fetched page is a url source. */
function fetchedPageSources(block: AnthropicResponseBlock): SourceContent[] {
  if (!isObject(block.content)) return [];
  const url = block.content.url;
  if (typeof url !== 'string' || url === '') return [];
  const document = isObject(block.content.content) ? block.content.content : {};
  const title = typeof document.title === 'string' && document.title !== '' ? { title: document.title } : {};
  return [{ type: 'source', sourceType: 'url', id: url, url, ...title }];
}

/**
 * The files a code execution run wrote (`bash_code_execution_result`, or `code_execution_result` of the
 * older tool, listing `{ type: '*_output', file_id }`): Anthropic keeps them and returns only their ids,
 * so each is a document source whose id is the file id (download it with the Files API).
 */
function generatedFileSources(block: AnthropicResponseBlock, context: ServerBlockContext): SourceContent[] {
  const result = block.content;
  if (!isObject(result) || !Array.isArray(result.content)) return [];
  return result.content.flatMap((output: unknown) => {
    if (!isObject(output) || typeof output.file_id !== 'string' || output.file_id === '') return [];
    if (typeof output.type !== 'string' || !output.type.endsWith('_output')) return [];
    const fileId = output.file_id;
    const containerId = context.containerId === undefined ? {} : { containerId: context.containerId };
    const source: SourceContent = {
      type: 'source',
      sourceType: 'document',
      id: fileId,
      providerMetadata: { [anthropicOptionsKey]: { fileId, ...containerId } },
    };
    return [source];
  });
}

/**
 * The sources a text block cites: web pages (`web_search_result_location`, and search results whose
 * `source` is a URL) as url sources, documents (`char_location`, `page_location`,
 * `content_block_location`) as document sources. The citation itself is in the source's metadata.
 */
export function mapCitation(citation: unknown): SourceContent | undefined {
  if (!isObject(citation)) return undefined;
  const metadata = { providerMetadata: { [anthropicOptionsKey]: { citation } } };
  const title = typeof citation.title === 'string' && citation.title !== '' ? { title: citation.title } : {};
  const url =
    typeof citation.url === 'string' ? citation.url : isUrl(citation.source) ? citation.source : undefined;
  if (url !== undefined) return { type: 'source', sourceType: 'url', id: url, url, ...title, ...metadata };
  if (typeof citation.document_index !== 'number') return undefined;
  const documentTitle = typeof citation.document_title === 'string' ? citation.document_title : undefined;
  return {
    type: 'source',
    sourceType: 'document',
    id: `document-${citation.document_index}`,
    mediaType: citation.type === 'page_location' ? 'application/pdf' : 'text/plain',
    ...(documentTitle ? { title: documentTitle } : {}),
    ...metadata,
  };
}

/**
 * The metadata of a text block that has citations: the citations as received, in
 * `providerMetadata.anthropic.citations`, which the history sends back on the block.
 */
export function citationsMetadata(citations: readonly unknown[]): { providerMetadata?: ProviderMetadata } {
  if (citations.length === 0) return {};
  return { providerMetadata: { [anthropicOptionsKey]: { citations: [...citations] as JSONValue[] } } };
}

function isUrl(value: unknown): value is string {
  return typeof value === 'string' && /^https?:\/\//.test(value);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function withMetadata(metadata: AnthropicServerToolMetadata): { providerMetadata?: ProviderMetadata } {
  return Object.keys(metadata).length === 0
    ? {}
    : { providerMetadata: { [anthropicOptionsKey]: { ...metadata } } };
}
