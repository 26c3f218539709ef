import type { OnAuthRefresh } from '../../http/auth-refresh.js';
import type { Provider } from '../../spec/language-model.js';
import { anthropicDirectEndpoint } from './anthropic-direct-endpoint.js';
import { AnthropicLanguageModel } from './anthropic-language-model.js';
import { anthropicTools } from './anthropic-tools.js';

export type {
  AnthropicEndpoint,
  AnthropicEndpointRequest,
  AnthropicEventData,
  PreparedAnthropicRequest,
} from './anthropic-endpoint.js';
export { AnthropicLanguageModel, type AnthropicModelConfig } from './anthropic-language-model.js';
export {
  type MemoryCommand,
  type MemoryHandler,
  memoryTool,
  memoryToolDefinition,
  parseMemoryCommand,
} from './anthropic-memory-tool.js';
export type {
  AnthropicCacheControlOptions,
  AnthropicEffort,
  AnthropicOptions,
  AnthropicReasoningMetadata,
  AnthropicServerToolMetadata,
  AnthropicWebSearchResultItem,
  AnthropicWebSearchResultMetadata,
} from './anthropic-options.js';
export {
  anthropicToolIds,
  type CodeExecutionToolArgs,
  codeExecutionTool,
  type McpToolsetArgs,
  mcpToolset,
  type ToolSearchVariant,
  toolSearchTool,
  type WebFetchToolArgs,
  webFetchTool,
} from './anthropic-provider-tools.js';
export { anthropicTools } from './anthropic-tools.js';
export {
  type WebSearchToolArgs,
  type WebSearchUserLocation,
  webSearchTool,
  webSearchToolId,
} from './anthropic-web-search.js';
export {
  type ComputerAction,
  type ComputerUseInput,
  type ComputerUseToolArgs,
  type ComputerUseToolVersion,
  computerUseTool,
  computerUseToolId,
  parseComputerUseInput,
} from './computer-use.js';
export {
  type ComputerUseResultOptions,
  computerUseOutput,
  computerUseResult,
  isComputerUseTool,
} from './computer-use-result.js';
export {
  createVertexAnthropic,
  type VertexAnthropicSettings,
  vertexBaseURL,
} from './vertex-anthropic.js';

/** Settings of the Anthropic provider. */
export interface AnthropicProviderSettings {
  /** @default process.env.ANTHROPIC_API_KEY */
  apiKey?: string;
  /**
   * Called once when a request's key is refused (a 401 `authentication_error`): return a new key (used from
   * then on), or nothing to load it again; the request is then sent once more. See `OnAuthRefresh`.
   */
  onAuthRefresh?: OnAuthRefresh;
  /** @default 'https://api.anthropic.com' */
  baseURL?: string;
  /** Extra headers on every request. */
  headers?: Record<string, string>;
  /** Overrides the default User-Agent. */
  userAgent?: string;
  /** The fetch to use, e.g. a cassette fetch in tests. @default globalThis.fetch */
  fetch?: typeof fetch;
  /** Reported as `LanguageModel.provider`. @default 'anthropic' */
  name?: string;
}

/**
 * Creates an Anthropic provider (Claude over the Messages API). Options go under
 * `providerOptions.anthropic`: thinking budgets, cache control on messages, parts and tools.
 *
 * @example
 * const anthropic = createAnthropic();
 * const model = anthropic.languageModel('claude-sonnet-4-20250514');
 */
export function createAnthropic(settings: AnthropicProviderSettings = {}): Provider & {
  languageModel(modelId: string): AnthropicLanguageModel;
  /** Anthropic's provider-defined tools. */
  tools: typeof anthropicTools;
} {
  const name = settings.name ?? 'anthropic';
  const endpoint = anthropicDirectEndpoint({
    name,
    baseURL: (settings.baseURL ?? 'https://api.anthropic.com').replace(/\/+$/, ''),
    apiKey: settings.apiKey,
    onAuthRefresh: settings.onAuthRefresh,
  });
  return {
    name,
    tools: anthropicTools,
    languageModel: (modelId: string) =>
      new AnthropicLanguageModel(modelId, {
        endpoint,
        headers: settings.headers,
        userAgent: settings.userAgent,
        fetch: settings.fetch,
      }),
  };
}
