import type { SourceContent } from '../../spec/content.js';
import type { ProviderOptions } from '../../spec/provider-options.js';
import type { ProviderDefinedTool } from '../../spec/tool.js';
import type { AnthropicWebSearchResult, AnthropicWebSearchToolResultBlock } from './anthropic-api.js';
import {
  type AnthropicWebSearchResultItem,
  type AnthropicWebSearchResultMetadata,
  anthropicOptionsKey,
} from './anthropic-options.js';

/** Where the user is, so search results can be local. */
export interface WebSearchUserLocation {
  city?: string;
  region?: string;
  country?: string;
  timezone?: string;
}

/** Settings of Anthropic's web search tool. */
export interface WebSearchToolArgs {
  /** Most searches per request; unset means no limit. */
  maxUses?: number;
  /** Only these domains (not together with `blockedDomains`). */
  allowedDomains?: string[];
  /** Never these domains. */
  blockedDomains?: string[];
  userLocation?: WebSearchUserLocation;
}

/** The id of Anthropic's web search tool. */
export const webSearchToolId = 'anthropic.web_search';

/**
 * Anthropic's web search, run by the provider: its calls and results come back as provider-executed
 * tool-call and tool-result parts, and each result as a source.
 *
 * @example
 * const agent = createAgent({ model, providerTools: [webSearchTool({ maxUses: 3 })] });
 */
export function webSearchTool(args: WebSearchToolArgs = {}): ProviderDefinedTool {
  return { type: 'provider-defined', id: webSearchToolId, name: 'web_search', args: { ...args } };
}

/** True for our web search tool, and for Fantasy's bare `web_search` id. */
export function isWebSearchTool(tool: ProviderDefinedTool): boolean {
  return tool.id === webSearchToolId || tool.id === 'web_search';
}

/** The wire form of the web search tool; args may be camelCase or Fantasy's snake_case. */
export function convertWebSearchTool(tool: ProviderDefinedTool): Record<string, unknown> {
  const args = tool.args ?? {};
  const wire: Record<string, unknown> = { type: 'web_search_20250305', name: 'web_search' };
  const allowed = stringList(args.allowedDomains ?? args.allowed_domains);
  if (allowed) wire.allowed_domains = allowed;
  const blocked = stringList(args.blockedDomains ?? args.blocked_domains);
  if (blocked) wire.blocked_domains = blocked;
  const maxUses = args.maxUses ?? args.max_uses;
  if (typeof maxUses === 'number' && Number.isInteger(maxUses) && maxUses > 0) wire.max_uses = maxUses;
  const location = userLocation(args.userLocation ?? args.user_location);
  if (location) wire.user_location = location;
  return wire;
}

function stringList(value: unknown): string[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const list = value.filter((item): item is string => typeof item === 'string' && item !== '');
  return list.length > 0 ? list : undefined;
}

function userLocation(value: unknown): Record<string, string> | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const location: Record<string, string> = {};
  for (const field of ['city', 'region', 'country', 'timezone']) {
    const entry = (value as Record<string, unknown>)[field];
    if (typeof entry === 'string' && entry !== '') location[field] = entry;
  }
  return Object.keys(location).length > 0 ? { type: 'approximate', ...location } : undefined;
}

/** A `web_search_tool_result` block's sources and the metadata that replays it. */
export function readWebSearchResult(content: unknown): {
  sources: SourceContent[];
  metadata: AnthropicWebSearchResultMetadata;
} {
  if (!Array.isArray(content)) {
    const errorCode = (content as { error_code?: unknown } | null)?.error_code;
    return { sources: [], metadata: typeof errorCode === 'string' ? { errorCode } : {} };
  }
  const results: AnthropicWebSearchResultItem[] = [];
  const sources: SourceContent[] = [];
  for (const item of content as Partial<AnthropicWebSearchResult>[]) {
    const url = item.url ?? '';
    const title = item.title ?? '';
    sources.push({ type: 'source', sourceType: 'url', id: url, url, ...(title ? { title } : {}) });
    results.push({
      url,
      title,
      encryptedContent: item.encrypted_content ?? '',
      ...(item.page_age ? { pageAge: item.page_age } : {}),
    });
  }
  return { sources, metadata: { results } };
}

/** Rebuilds the `web_search_tool_result` block from the metadata a provider-executed result carries back. */
export function convertWebSearchResult(
  toolCallId: string,
  options: ProviderOptions | undefined,
): AnthropicWebSearchToolResultBlock {
  const metadata = (options?.[anthropicOptionsKey] ?? {}) as AnthropicWebSearchResultMetadata;
  if (metadata.errorCode) {
    return {
      type: 'web_search_tool_result',
      tool_use_id: toolCallId,
      content: { type: 'web_search_tool_result_error', error_code: metadata.errorCode },
    };
  }
  const content = (metadata.results ?? []).map(
    (result): AnthropicWebSearchResult => ({
      type: 'web_search_result',
      url: result.url,
      title: result.title,
      encrypted_content: result.encryptedContent,
      ...(result.pageAge ? { page_age: result.pageAge } : {}),
    }),
  );
  return { type: 'web_search_tool_result', tool_use_id: toolCallId, content };
}
