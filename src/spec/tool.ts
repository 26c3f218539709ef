import type { JSONSchema } from './json-value.js';
import type { ProviderOptions } from './provider-options.js';

/** A function the model may call; we run it. */
export interface FunctionTool {
  type: 'function';
  name: string;
  description: string;
  inputSchema: JSONSchema;
  providerOptions?: ProviderOptions;
}

/**
 * A tool whose definition belongs to the provider (web search, computer use). `id` is
 * `<provider>.<tool>`, e.g. `anthropic.computer`; providers that do not know it warn and skip it.
 */
export interface ProviderDefinedTool {
  type: 'provider-defined';
  id: string;
  name: string;
  args: Record<string, unknown>;
}

/** A tool as sent to a model. */
export type Tool = FunctionTool | ProviderDefinedTool;

/** How the model may use tools: freely, not at all, at least one, or one named tool. */
export type ToolChoice = 'auto' | 'none' | 'required' | { type: 'tool'; toolName: string };
