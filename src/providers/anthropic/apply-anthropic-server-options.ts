import type { Message } from '../../spec/message.js';
import { type AnthropicOptions, anthropicOptionsKey } from './anthropic-options.js';

/** The beta of server-side compaction (`context_management.edits[].type: compact_20260112`). */
export const compactionBeta = 'compact-2026-01-12';

/**
 * Adds what server tools need beyond `tools`: the MCP connector's `mcp_servers`, the code execution
 * `container` (the option, else the one the latest assistant turn ran in, from the message or its parts, so a sandbox and its files carry
 * over and programmatic tool calls can be answered), compaction and extra beta flags.
 */
export function applyAnthropicServerOptions(context: {
  body: Record<string, unknown>;
  betaFlags: string[];
  options: AnthropicOptions;
  mcpServers: Record<string, unknown>[];
  prompt: readonly Message[];
}): void {
  const { body, betaFlags, options } = context;
  const addBeta = (flag: string) => {
    if (!betaFlags.includes(flag)) betaFlags.push(flag);
  };
  if (context.mcpServers.length > 0) body.mcp_servers = context.mcpServers;
  const container = options.container ?? latestContainer(context.prompt);
  if (container !== undefined && hasCodeExecution(body)) body.container = container;
  if (options.compaction !== undefined) {
    const { triggerTokens, pauseAfterCompaction, instructions } = options.compaction;
    const edit: Record<string, unknown> = { type: 'compact_20260112' };
    if (triggerTokens !== undefined) edit.trigger = { type: 'input_tokens', value: triggerTokens };
    if (pauseAfterCompaction !== undefined) edit.pause_after_compaction = pauseAfterCompaction;
    if (instructions !== undefined) edit.instructions = instructions;
    body.context_management = { edits: [edit] };
    addBeta(compactionBeta);
  }
  for (const flag of options.betas ?? []) addBeta(flag);
}

function hasCodeExecution(body: Record<string, unknown>): boolean {
  const tools = body.tools;
  return (
    Array.isArray(tools) &&
    tools.some((tool) => String((tool as { type?: unknown }).type).startsWith('code_execution_'))
  );
}

/**
 * The container of the last assistant message that names one: on the message (the response's
 * `container`, which a stream reports only in its final `message_delta`) or on one of its parts.
 */
function latestContainer(prompt: readonly Message[]): string | undefined {
  for (let index = prompt.length - 1; index >= 0; index--) {
    const message = prompt[index]!;
    if (message.role !== 'assistant') continue;
    const id = messageContainer(message) ?? partContainer(message);
    if (id !== undefined) return id;
  }
  return undefined;
}

function messageContainer(message: Message): string | undefined {
  const container = message.providerOptions?.[anthropicOptionsKey]?.container as { id?: unknown } | undefined;
  return nonEmptyString(container?.id);
}

function partContainer(message: Message): string | undefined {
  for (const part of message.content) {
    const id = nonEmptyString(part.providerOptions?.[anthropicOptionsKey]?.containerId);
    if (id !== undefined) return id;
  }
  return undefined;
}

function nonEmptyString(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}
