import { memoryTool, memoryToolDefinition } from './anthropic-memory-tool.js';
import { codeExecutionTool, mcpToolset, toolSearchTool, webFetchTool } from './anthropic-provider-tools.js';
import { webSearchTool } from './anthropic-web-search.js';
import { computerUseTool } from './computer-use.js';

/**
 * Anthropic's provider-defined tools, as `anthropic.tools.*` on a provider. Server tools (web search, web
 * fetch, code execution, tool search, MCP toolsets) run at Anthropic; computer use and memory run locally.
 *
 * @example
 * const anthropic = createAnthropic();
 * const tools = [anthropic.tools.webFetch({ maxUses: 2 }), anthropic.tools.codeExecution()];
 */
export const anthropicTools = {
  webSearch: webSearchTool,
  webFetch: webFetchTool,
  codeExecution: codeExecutionTool,
  toolSearch: toolSearchTool,
  mcpToolset,
  memory: memoryTool,
  memoryDefinition: memoryToolDefinition,
  computerUse: computerUseTool,
};
