import type { ProviderDefinedTool } from '../../../spec/tool.js';

/** Settings of xAI's web search (Responses API). */
export interface XaiWebSearchArgs {
  /** Only these domains (at most 5; not together with `excludedDomains`). */
  allowedDomains?: string[];
  excludedDomains?: string[];
  enableImageUnderstanding?: boolean;
}

/** Settings of xAI's X search (Responses API). */
export interface XaiXSearchArgs {
  allowedXHandles?: string[];
  excludedXHandles?: string[];
  /** ISO 8601 dates, e.g. `2025-10-01`. */
  fromDate?: string;
  toDate?: string;
  enableImageUnderstanding?: boolean;
  enableVideoUnderstanding?: boolean;
}

/** The ids of xAI's server-side search tools. */
export const xaiToolIds = { webSearch: 'xai.web_search', xSearch: 'xai.x_search' } as const;

/**
 * xAI's server-side search tools, for `createOpenAI({ baseURL: 'https://api.x.ai/v1' }).responses(id)`.
 * xAI runs the searches; the calls it reports come back as provider-executed tool calls and the citations
 * as `source` parts.
 *
 * @example
 * const tools = [xaiTools.xSearch({ allowedXHandles: ['xai'] }), xaiTools.webSearch()];
 */
export const xaiTools = {
  webSearch: (args: XaiWebSearchArgs = {}): ProviderDefinedTool => ({
    type: 'provider-defined',
    id: xaiToolIds.webSearch,
    name: 'web_search',
    args: { ...args },
  }),
  xSearch: (args: XaiXSearchArgs = {}): ProviderDefinedTool => ({
    type: 'provider-defined',
    id: xaiToolIds.xSearch,
    name: 'x_search',
    args: { ...args },
  }),
};

/** The `tools` entries of xAI's search tools. */
export const xaiToolConverters: Record<string, (args: Record<string, unknown>) => Record<string, unknown>> = {
  [xaiToolIds.webSearch]: (args) => {
    const typed = args as XaiWebSearchArgs;
    const filters = compact({
      allowed_domains: typed.allowedDomains,
      excluded_domains: typed.excludedDomains,
    });
    return compact({
      type: 'web_search',
      filters: Object.keys(filters).length > 0 ? filters : undefined,
      enable_image_understanding: typed.enableImageUnderstanding,
    });
  },
  [xaiToolIds.xSearch]: (args) => {
    const typed = args as XaiXSearchArgs;
    return compact({
      type: 'x_search',
      allowed_x_handles: typed.allowedXHandles,
      excluded_x_handles: typed.excludedXHandles,
      from_date: typed.fromDate,
      to_date: typed.toDate,
      enable_image_understanding: typed.enableImageUnderstanding,
      enable_video_understanding: typed.enableVideoUnderstanding,
    });
  },
};

function compact(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined));
}
