import type { CallWarning } from '../../spec/call-warning.js';
import type { FunctionTool, ProviderDefinedTool, Tool, ToolChoice } from '../../spec/tool.js';
import { cacheControlOf } from './anthropic-options.js';
import { convertWebSearchTool, isWebSearchTool } from './anthropic-web-search.js';
import { computerUseToolId, convertComputerUseTool } from './computer-use.js';
import { convertAnthropicProviderTool } from './convert-anthropic-provider-tool.js';

/** Tools, tool choice and beta flags as the Messages API takes them. */
export interface AnthropicTools {
  tools: Record<string, unknown>[];
  toolChoice: Record<string, unknown> | undefined;
  betaFlags: string[];
  /** Remote MCP servers of the MCP connector (`mcp_servers`). */
  mcpServers: Record<string, unknown>[];
  warnings: CallWarning[];
}

/** Function tools that code execution may call (programmatic tool calling) need the advanced tool use beta. */
const advancedToolUseBeta = 'advanced-tool-use-2025-11-20';

/**
 * Converts the call's tools. `tool_choice` is only sent with tools; it carries `disable_parallel_tool_use`
 * (always, `false` by default) unless the endpoint rejects that field (Bedrock).
 */
export function convertAnthropicTools(options: {
  tools: readonly Tool[] | undefined;
  toolChoice: ToolChoice | undefined;
  disableParallelToolUse: boolean;
  supportsDisableParallelToolUse: boolean;
}): AnthropicTools {
  const result: AnthropicTools = {
    tools: [],
    toolChoice: undefined,
    betaFlags: [],
    mcpServers: [],
    warnings: [],
  };
  for (const tool of options.tools ?? []) {
    if (tool.type === 'function') result.tools.push(convertFunctionTool(tool, result));
    else convertProviderTool(tool, result);
  }
  if (result.tools.length === 0) return result;
  const parallel = options.supportsDisableParallelToolUse
    ? { disable_parallel_tool_use: options.disableParallelToolUse }
    : {};
  if (options.disableParallelToolUse && !options.supportsDisableParallelToolUse) {
    result.warnings.push({
      type: 'unsupported-setting',
      setting: 'disableParallelToolUse',
      details: 'this endpoint does not accept disable_parallel_tool_use',
    });
  }
  result.toolChoice = convertToolChoice(options.toolChoice, options.disableParallelToolUse, parallel);
  return result;
}

/**
 * A function tool: the schema goes in `input_schema` as an object schema with `required` always present.
 * `providerOptions.anthropic.deferLoading` (tool search) and `allowedCallers` (programmatic tool calling)
 * go along.
 */
function convertFunctionTool(tool: FunctionTool, result: AnthropicTools): Record<string, unknown> {
  const { $schema: _schema, ...schema } = tool.inputSchema;
  const wire: Record<string, unknown> = {
    name: tool.name,
    description: tool.description,
    input_schema: { ...schema, type: 'object', required: schema.required ?? [] },
  };
  const cacheControl = cacheControlOf(tool.providerOptions);
  if (cacheControl) wire.cache_control = cacheControl;
  const options = tool.providerOptions?.anthropic;
  if (options?.deferLoading === true) wire.defer_loading = true;
  const callers = options?.allowedCallers;
  if (Array.isArray(callers) && callers.length > 0) {
    wire.allowed_callers = callers;
    addBeta(result, advancedToolUseBeta);
  }
  return wire;
}

function addBeta(result: AnthropicTools, flag: string): void {
  if (!result.betaFlags.includes(flag)) result.betaFlags.push(flag);
}

function convertProviderTool(tool: ProviderDefinedTool, result: AnthropicTools): void {
  if (isWebSearchTool(tool)) {
    result.tools.push(convertWebSearchTool(tool));
    return;
  }
  if (tool.id === computerUseToolId) {
    const converted = convertComputerUseTool(tool);
    if ('error' in converted) {
      result.warnings.push({ type: 'unsupported-tool', tool, details: converted.error });
      return;
    }
    result.tools.push(converted.tool);
    addBeta(result, converted.betaFlag);
    return;
  }
  const converted = convertAnthropicProviderTool(tool);
  if (converted === undefined || 'error' in converted) {
    result.warnings.push({
      type: 'unsupported-tool',
      tool,
      details: converted?.error ?? `provider-defined tool ${tool.id} is not supported`,
    });
    return;
  }
  result.tools.push(converted.tool);
  if (converted.betaFlag) addBeta(result, converted.betaFlag);
  if (converted.mcpServer) result.mcpServers.push(converted.mcpServer);
}

/** Without a choice, `auto` is sent only to disable parallel tool use (as Fantasy does). */
function convertToolChoice(
  toolChoice: ToolChoice | undefined,
  disableParallelToolUse: boolean,
  parallel: Record<string, unknown>,
): Record<string, unknown> | undefined {
  if (toolChoice === undefined) return disableParallelToolUse ? { type: 'auto', ...parallel } : undefined;
  if (toolChoice === 'auto') return { type: 'auto', ...parallel };
  if (toolChoice === 'required') return { type: 'any', ...parallel };
  if (toolChoice === 'none') return { type: 'none' };
  return { type: 'tool', name: toolChoice.toolName, ...parallel };
}
