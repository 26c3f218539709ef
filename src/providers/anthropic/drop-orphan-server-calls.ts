import type { CallWarning } from '../../spec/call-warning.js';
import type { AnthropicContentBlock } from './anthropic-api.js';

/**
 * Removes provider-executed calls (`server_tool_use`, `mcp_tool_use`) that have no result in the same
 * assistant message: the API rejects such a call. A code execution call that made programmatic tool calls
 * is kept, since its result comes after ours (the `tool_use` blocks name it in `caller.tool_id`).
 */
export function dropOrphanServerCalls(
  content: AnthropicContentBlock[],
  warnings: CallWarning[],
): AnthropicContentBlock[] {
  const answered = new Set<string>();
  for (const block of content) {
    const record = block as { tool_use_id?: unknown; caller?: unknown };
    if (typeof record.tool_use_id === 'string') answered.add(record.tool_use_id);
    const callerId = (record.caller as { tool_id?: unknown } | undefined)?.tool_id;
    if (block.type === 'tool_use' && typeof callerId === 'string') answered.add(callerId);
  }
  return content.filter((block) => {
    if (block.type !== 'server_tool_use' && block.type !== 'mcp_tool_use') return true;
    if (answered.has(block.id)) return true;
    warnings.push({
      type: 'other',
      message: `provider-executed tool call ${block.id} (${block.name}) has no result in its message; it was not sent`,
    });
    return false;
  });
}
