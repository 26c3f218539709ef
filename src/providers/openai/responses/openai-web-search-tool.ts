import type { ProviderDefinedTool } from '../../../spec/tool.js';

/** Where the user is, to make web results local. */
export interface OpenAIWebSearchUserLocation {
  city?: string;
  region?: string;
  /** Two-letter ISO country code, e.g. `IT`. */
  country?: string;
  /** IANA time zone, e.g. `Europe/Rome`. */
  timezone?: string;
}

/** Settings of OpenAI's web search tool. */
export interface OpenAIWebSearchToolArgs {
  /** How much of the context window search results may use. @default 'medium' */
  searchContextSize?: 'low' | 'medium' | 'high';
  /** Restricts results to these domains (subdomains included). */
  allowedDomains?: string[];
  userLocation?: OpenAIWebSearchUserLocation;
}

/** The id of OpenAI's web search tool; Fantasy's bare `web_search` is accepted too. */
export const openAIWebSearchToolId = 'openai.web_search';

/**
 * OpenAI's web search, run by OpenAI (Responses API only). Its calls come back as provider-executed
 * `tool-call`/`tool-result` parts and its citations as `source` parts.
 *
 * @example
 * const result = await model.generate({ prompt, tools: [webSearchTool({ searchContextSize: 'low' })] });
 */
export function webSearchTool(args: OpenAIWebSearchToolArgs = {}): ProviderDefinedTool {
  return { type: 'provider-defined', id: openAIWebSearchToolId, name: 'web_search', args: { ...args } };
}

/** The `tools` entry for a web search tool's args. */
export function convertWebSearchTool(args: OpenAIWebSearchToolArgs): Record<string, unknown> {
  const tool: Record<string, unknown> = { type: 'web_search' };
  if (args.searchContextSize) tool.search_context_size = args.searchContextSize;
  if (args.allowedDomains?.length) tool.filters = { allowed_domains: args.allowedDomains };
  const location = args.userLocation;
  if (location && Object.values(location).some(Boolean))
    tool.user_location = { type: 'approximate', ...location };
  return tool;
}
