import { type AgentTool, tool } from '../agent/tool.js';
import { FantasyError } from '../errors/fantasy-error.js';
import type { JSONSchema } from '../spec/json-value.js';
import { type MCPCallToolResult, mapMCPToolResult } from './map-mcp-tool-result.js';
import type { MCPToolsOptions } from './mcp-options.js';
import type { MCPSession } from './mcp-session.js';
import { toProviderToolName } from './mcp-tool-name.js';

/** A tool as an MCP server lists it (the fields we read). */
export interface MCPToolDefinition {
  name: string;
  title?: string;
  description?: string;
  inputSchema: Record<string, unknown>;
}

/** An agent tool that runs on an MCP server; `mcpName` is the server's name for it. */
export type MCPAgentTool = AgentTool & { readonly origin: string; readonly mcpName: string };

/**
 * A server's tools as agent tools, filtered and renamed for every provider. Each call goes to the server
 * with the run's abort signal (the SDK sends `notifications/cancelled` on abort) and the request timeout.
 */
export function convertMCPTools(
  session: MCPSession,
  definitions: readonly MCPToolDefinition[],
  options: MCPToolsOptions,
): MCPAgentTool[] {
  const taken = new Set<string>();
  const tools: MCPAgentTool[] = [];
  for (const definition of definitions) {
    if (options.include !== undefined && !options.include.includes(definition.name)) continue;
    if (options.exclude?.includes(definition.name)) continue;
    const name = toProviderToolName((options.prefix ?? '') + definition.name, taken);
    taken.add(name);
    tools.push(convertMCPTool(session, definition, name));
  }
  return tools;
}

function convertMCPTool(session: MCPSession, definition: MCPToolDefinition, name: string): MCPAgentTool {
  const agentTool = tool({
    name,
    description: definition.description ?? definition.title ?? definition.name,
    inputSchema: normalizeMCPInputSchema(definition.inputSchema),
    parallel: true,
    execute: async (input, { abortSignal }) => {
      const result = await callTool(session, definition.name, input, abortSignal);
      return mapMCPToolResult(result);
    },
  });
  return { ...agentTool, origin: `MCP server "${session.name}"`, mcpName: definition.name };
}

async function callTool(
  session: MCPSession,
  name: string,
  input: unknown,
  abortSignal: AbortSignal | undefined,
): Promise<MCPCallToolResult> {
  const timeout = session.options.requestTimeoutMs ?? 60_000;
  const requestOptions = { timeout, ...(abortSignal === undefined ? {} : { signal: abortSignal }) };
  const args = (typeof input === 'object' && input !== null ? input : {}) as Record<string, unknown>;
  try {
    return (await session.request((client) =>
      client.callTool({ name, arguments: args }, undefined, requestOptions),
    )) as MCPCallToolResult;
  } catch (error) {
    if (abortSignal?.aborted) throw abortSignal.reason ?? error;
    const message = error instanceof Error ? error.message : String(error);
    throw new FantasyError(`MCP server "${session.name}" failed the call to ${name}: ${message}`, {
      cause: error,
    });
  }
}

/**
 * The server's input schema as a tool schema every provider takes: an object with `properties`, without the
 * `$schema` keyword. `$ref`, `anyOf` and `additionalProperties` stay; providers convert them as for any tool.
 */
export function normalizeMCPInputSchema(schema: Record<string, unknown>): JSONSchema {
  const { $schema: _schema, ...rest } = schema;
  return {
    ...rest,
    type: 'object',
    properties: (rest.properties as JSONSchema | undefined) ?? {},
  } as JSONSchema;
}
