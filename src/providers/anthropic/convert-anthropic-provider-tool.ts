import type { ProviderDefinedTool } from '../../spec/tool.js';
import { anthropicToolIds } from './anthropic-provider-tools.js';

/** A provider tool in wire form: its `tools` entry, the beta flag it needs, an `mcp_servers` entry. */
export type ConvertedProviderTool =
  | { tool: Record<string, unknown>; betaFlag?: string; mcpServer?: Record<string, unknown> }
  | { error: string };

/** The beta header each versioned tool type needs, as Anthropic's tool docs list them. */
const betaFlagsByType: Record<string, string> = {
  web_fetch_20250910: 'web-fetch-2025-09-10',
  code_execution_20250825: 'code-execution-2025-08-25',
  code_execution_20250522: 'code-execution-2025-05-22',
  tool_search_tool_regex_20251119: 'advanced-tool-use-2025-11-20',
  tool_search_tool_bm25_20251119: 'advanced-tool-use-2025-11-20',
  memory_20250818: 'context-management-2025-06-27',
};

/** The beta of the MCP connector's `mcp_servers` + `mcp_toolset` form. */
export const mcpConnectorBeta = 'mcp-client-2025-11-20';

const converters: Record<string, (args: Record<string, unknown>) => ConvertedProviderTool> = {
  [anthropicToolIds.webFetch]: convertWebFetch,
  [anthropicToolIds.codeExecution]: (args) => {
    const type = stringArg(args.version) ?? 'code_execution_20250825';
    return withBeta({ type, name: 'code_execution' });
  },
  [anthropicToolIds.toolSearchRegex]: () =>
    withBeta({ type: 'tool_search_tool_regex_20251119', name: 'tool_search_tool_regex' }),
  [anthropicToolIds.toolSearchBm25]: () =>
    withBeta({ type: 'tool_search_tool_bm25_20251119', name: 'tool_search_tool_bm25' }),
  [anthropicToolIds.memory]: () => withBeta({ type: 'memory_20250818', name: 'memory' }),
  [anthropicToolIds.mcpToolset]: convertMcpToolset,
};

/** Converts one of the tools of `anthropic-provider-tools.ts`; `undefined` when the id is not one of them. */
export function convertAnthropicProviderTool(tool: ProviderDefinedTool): ConvertedProviderTool | undefined {
  const converter = converters[tool.id];
  return converter?.(tool.args ?? {});
}

function withBeta(tool: Record<string, unknown>): ConvertedProviderTool {
  const betaFlag = betaFlagsByType[String(tool.type)];
  return betaFlag === undefined ? { tool } : { tool, betaFlag };
}

function convertWebFetch(args: Record<string, unknown>): ConvertedProviderTool {
  const wire: Record<string, unknown> = {
    type: stringArg(args.version) ?? 'web_fetch_20250910',
    name: 'web_fetch',
  };
  const maxUses = args.maxUses ?? args.max_uses;
  if (isPositiveInteger(maxUses)) wire.max_uses = maxUses;
  const allowed = stringList(args.allowedDomains ?? args.allowed_domains);
  const blocked = stringList(args.blockedDomains ?? args.blocked_domains);
  if (allowed && blocked) return { error: 'web fetch takes allowedDomains or blockedDomains, not both' };
  if (allowed) wire.allowed_domains = allowed;
  if (blocked) wire.blocked_domains = blocked;
  if (args.citations === true) wire.citations = { enabled: true };
  const maxContentTokens = args.maxContentTokens ?? args.max_content_tokens;
  if (isPositiveInteger(maxContentTokens)) wire.max_content_tokens = maxContentTokens;
  return withBeta(wire);
}

/** The MCP connector: the server goes in `mcp_servers`, its tools in `tools` as an `mcp_toolset`. */
function convertMcpToolset(args: Record<string, unknown>): ConvertedProviderTool {
  const name = stringArg(args.serverName);
  const url = stringArg(args.url);
  if (name === undefined || url === undefined) return { error: 'an MCP toolset needs serverName and url' };
  const mcpServer: Record<string, unknown> = { type: 'url', url, name };
  const token = stringArg(args.authorizationToken);
  if (token !== undefined) mcpServer.authorization_token = token;
  const tool: Record<string, unknown> = { type: 'mcp_toolset', mcp_server_name: name };
  const allowed = stringList(args.allowedTools);
  if (allowed) {
    // Allow-list: every tool off by default, the listed ones on.
    tool.default_config = { enabled: false };
    tool.configs = Object.fromEntries(allowed.map((toolName) => [toolName, { enabled: true }]));
  }
  return { tool, betaFlag: mcpConnectorBeta, mcpServer };
}

function stringArg(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function isPositiveInteger(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value > 0;
}

function stringList(value: unknown): string[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const list = value.filter((item): item is string => typeof item === 'string' && item !== '');
  return list.length > 0 ? list : undefined;
}
