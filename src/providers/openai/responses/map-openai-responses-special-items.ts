import type { CallWarning } from '../../../spec/call-warning.js';
import type { Content, ToolApprovalRequestContent, ToolCallContent } from '../../../spec/content.js';
import type { ResponsesOutputItem } from './openai-responses-api.js';

/**
 * A remote MCP call waiting for your approval, as a provider-executed `tool-approval-request` whose
 * `approvalId` is the `mcp_approval_request` item id; `approve(request)` answers it with an
 * `mcp_approval_response`. The item is kept in metadata to send back with the answer.
 */
export function mapApprovalRequest(item: ResponsesOutputItem): ToolApprovalRequestContent {
  const id = item.id ?? '';
  return {
    type: 'tool-approval-request',
    approvalId: id,
    toolCallId: id,
    toolName: item.name ?? '',
    input: item.arguments || '{}',
    providerExecuted: true,
    providerMetadata: {
      openai: { itemId: id, serverLabel: item.server_label ?? '', item: { ...item } },
    },
  };
}

/** A compaction item: opaque context OpenAI must get back, carried as empty reasoning marked `compaction`. */
export function mapCompaction(item: ResponsesOutputItem): Content {
  return {
    type: 'reasoning',
    text: '',
    providerMetadata: { openai: { itemId: item.id ?? '', itemType: 'compaction', item: { ...item } } },
  };
}

/** The wrapper some models emit around parallel calls (`multi_tool_use.parallel`). */
export const parallelWrapperName = 'multi_tool_use.parallel';

/**
 * Expands a `multi_tool_use.parallel` call into the calls it holds: `functions.get_weather` becomes
 * `get_weather`, ids are the wrapper's call id with `_0`, `_1`, ... A wrapper whose arguments do not parse
 * stays one call (and fails validation, so the model hears about it).
 */
export function expandParallelCall(call: ToolCallContent): ToolCallContent[] {
  if (call.toolName !== parallelWrapperName) return [call];
  let uses: unknown;
  try {
    uses = (JSON.parse(call.input) as { tool_uses?: unknown }).tool_uses;
  } catch {
    return [call];
  }
  if (!Array.isArray(uses) || uses.length === 0) return [call];
  return uses.map((use: { recipient_name?: unknown; parameters?: unknown }, index) => ({
    type: 'tool-call',
    toolCallId: `${call.toolCallId}_${index}`,
    toolName: String(use.recipient_name ?? '').replace(/^functions\./, ''),
    input: JSON.stringify(use.parameters ?? {}),
  }));
}

/** The warning for an output item type we do not know; the item goes in provider metadata. */
export function unknownItemWarning(type: string | undefined): CallWarning {
  return {
    type: 'other',
    message: `unknown Responses output item ${JSON.stringify(type)}; kept in providerMetadata.openai.unknownItems`,
  };
}
