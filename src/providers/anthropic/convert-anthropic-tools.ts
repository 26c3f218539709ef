import type { CallWarning } from '../../spec/call-warning.js';
import type { FunctionTool, ProviderDefinedTool, Tool, ToolChoice } from '../../spec/tool.js';
import { cacheControlOf } from './anthropic-options.js';
import { convertWebSearchTool, isWebSearchTool } from './anthropic-web-search.js';
import { computerUseToolId, convertComputerUseTool } from './computer-use.js';

/** Tools, tool choice and beta flags as the Messages API takes them. */
export interface AnthropicTools {
  tools: Record<string, unknown>[];
  toolChoice: Record<string, unknown> | undefined;
  betaFlags: string[];
  warnings: CallWarning[];
}

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
  const result: AnthropicTools = { tools: [], toolChoice: undefined, betaFlags: [], warnings: [] };
  for (const tool of options.tools ?? []) {
    if (tool.type === 'function') result.tools.push(convertFunctionTool(tool));
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

/** A function tool: the schema goes in `input_schema` as an object schema with `required` always present. */
function convertFunctionTool(tool: FunctionTool): Record<string, unknown> {
  const { $schema: _schema, ...schema } = tool.inputSchema;
  const wire: Record<string, unknown> = {
    name: tool.name,
    description: tool.description,
    input_schema: { ...schema, type: 'object', required: schema.required ?? [] },
  };
  const cacheControl = cacheControlOf(tool.providerOptions);
  if (cacheControl) wire.cache_control = cacheControl;
  return wire;
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
    if (!result.betaFlags.includes(converted.betaFlag)) result.betaFlags.push(converted.betaFlag);
    return;
  }
  result.warnings.push({
    type: 'unsupported-tool',
    tool,
    details: `provider-defined tool ${tool.id} is not supported`,
  });
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
