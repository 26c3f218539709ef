import type { ProviderDefinedTool } from '../spec/tool.js';
import type { ToolExecuteOptions, ToolOutcome } from './tool.js';

/**
 * A provider-defined tool that runs locally (Anthropic computer use): sent to the model as its provider
 * definition, executed by the agent like a function tool. Its input is only checked to be a JSON object.
 */
export interface ExecutableProviderTool {
  readonly type: 'executable-provider-defined';
  readonly name: string;
  readonly definition: ProviderDefinedTool;
  execute(input: Record<string, unknown>, options: ToolExecuteOptions): ToolOutcome | Promise<ToolOutcome>;
}

/** A tool the provider defines: passed through as is, or run locally when executable. */
export type ProviderTool = ProviderDefinedTool | ExecutableProviderTool;

/**
 * Wraps a provider tool definition with a local implementation.
 *
 * @example
 * const computer = executableProviderTool(
 *   { type: 'provider-defined', id: 'anthropic.computer', name: 'computer', args: { displayWidthPx: 1024 } },
 *   async (input) => imageResponse(await screenshot(input), 'image/png'),
 * );
 */
export function executableProviderTool(
  definition: ProviderDefinedTool,
  execute: ExecutableProviderTool['execute'],
): ExecutableProviderTool {
  return { type: 'executable-provider-defined', name: definition.name, definition, execute };
}

/** The definition sent to the model for a provider tool. */
export function providerToolDefinition(providerTool: ProviderTool): ProviderDefinedTool {
  return providerTool.type === 'provider-defined' ? providerTool : providerTool.definition;
}
