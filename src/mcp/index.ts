/**
 * `fantasy-ts/mcp`: tools, resources and prompts from Model Context Protocol servers, on the official MCP
 * TypeScript SDK (`@modelcontextprotocol/sdk`, an optional peer dependency loaded only by this subpath).
 */

export { convertMCPPromptMessages, type MCPPromptMessage } from './convert-mcp-prompt.js';
export { type MCPAgentTool, type MCPToolDefinition, normalizeMCPInputSchema } from './convert-mcp-tools.js';
export {
  createMCPClient,
  type MCPClient,
  type MCPPrompt,
  type MCPResource,
  type MCPResourceContents,
} from './create-mcp-client.js';
export { type MCPCallToolResult, type MCPContentItem, mapMCPToolResult } from './map-mcp-tool-result.js';
export type {
  MCPClientOptions,
  MCPElicitationRequest,
  MCPElicitationResult,
  MCPHttpTransportConfig,
  MCPLogMessage,
  MCPSamplingHandler,
  MCPSamplingRequest,
  MCPSamplingResult,
  MCPStdioTransportConfig,
  MCPToolsOptions,
  MCPTransportConfig,
} from './mcp-options.js';
export { toProviderToolName } from './mcp-tool-name.js';
export { samplingModel } from './sampling-model.js';
