import type { ProviderDefinedTool } from '../../spec/tool.js';

/** Settings of Anthropic's web fetch tool (`web_fetch_20250910`). */
export interface WebFetchToolArgs {
  /** Most fetches per request. */
  maxUses?: number;
  /** Only these domains (not together with `blockedDomains`). */
  allowedDomains?: string[];
  /** Never these domains. */
  blockedDomains?: string[];
  /** Cite the fetched documents in the answer (they come back as `source` parts). @default false */
  citations?: boolean;
  /** Truncates fetched content to about this many tokens. */
  maxContentTokens?: number;
  /** The versioned tool type. @default 'web_fetch_20250910' */
  version?: string;
}

/** Settings of Anthropic's code execution tool. */
export interface CodeExecutionToolArgs {
  /**
   * `code_execution_20250825` gives the model bash and a file editor (`bash_code_execution`,
   * `text_editor_code_execution`); `code_execution_20250522` runs Python only. @default 'code_execution_20250825'
   */
  version?: 'code_execution_20250825' | 'code_execution_20250522' | (string & {});
}

/** Which tool search variant: regular expressions or BM25 over the deferred tools. */
export type ToolSearchVariant = 'regex' | 'bm25';

/** A remote MCP server that Anthropic calls on the model's behalf (the MCP connector). */
export interface McpToolsetArgs {
  /** The server's name; tool calls report it as `serverName`. */
  serverName: string;
  /** The server's URL (Streamable HTTP or SSE). */
  url: string;
  /** An OAuth bearer token Anthropic sends to the server. Never logged. */
  authorizationToken?: string;
  /** Only these tools of the server; unset means all. */
  allowedTools?: string[];
}

/** The ids of the provider-defined tools Anthropic runs (and memory, which the caller runs). */
export const anthropicToolIds = {
  webFetch: 'anthropic.web_fetch',
  codeExecution: 'anthropic.code_execution',
  toolSearchRegex: 'anthropic.tool_search_regex',
  toolSearchBm25: 'anthropic.tool_search_bm25',
  mcpToolset: 'anthropic.mcp_toolset',
  memory: 'anthropic.memory',
} as const;

/**
 * Anthropic's web fetch, run by Anthropic: the call and its result come back as provider-executed
 * tool parts, and each fetched page as a `source`.
 *
 * @example
 * const tools = [webFetchTool({ maxUses: 2, allowedDomains: ['example.com'] })];
 */
export function webFetchTool(args: WebFetchToolArgs = {}): ProviderDefinedTool {
  return { type: 'provider-defined', id: anthropicToolIds.webFetch, name: 'web_fetch', args: { ...args } };
}

/**
 * Anthropic's code execution sandbox. Calls (`bash_code_execution`, `text_editor_code_execution`, or
 * `code_execution` on the older version) and results come back as provider-executed tool parts; the
 * container id is in `providerMetadata.anthropic.container` and is reused on the next turn.
 *
 * @example
 * const tools = [codeExecutionTool()];
 */
export function codeExecutionTool(args: CodeExecutionToolArgs = {}): ProviderDefinedTool {
  return {
    type: 'provider-defined',
    id: anthropicToolIds.codeExecution,
    name: 'code_execution',
    args: { ...args },
  };
}

/**
 * Anthropic's tool search: the model finds deferred tools (function tools with
 * `providerOptions.anthropic.deferLoading: true`) by regex or BM25 instead of seeing them all.
 *
 * @example
 * const tools = [toolSearchTool('bm25')];
 */
export function toolSearchTool(variant: ToolSearchVariant = 'regex'): ProviderDefinedTool {
  const id = variant === 'bm25' ? anthropicToolIds.toolSearchBm25 : anthropicToolIds.toolSearchRegex;
  return { type: 'provider-defined', id, name: `tool_search_tool_${variant}`, args: {} };
}

/**
 * The tools of a remote MCP server, called by Anthropic (the MCP connector): `mcp_tool_use` and
 * `mcp_tool_result` come back as provider-executed tool parts.
 *
 * @example
 * const tools = [mcpToolset({ serverName: 'docs', url: 'https://mcp.example.com/sse' })];
 */
export function mcpToolset(args: McpToolsetArgs): ProviderDefinedTool {
  return {
    type: 'provider-defined',
    id: anthropicToolIds.mcpToolset,
    name: `mcp_${args.serverName}`,
    args: { ...args },
  };
}
