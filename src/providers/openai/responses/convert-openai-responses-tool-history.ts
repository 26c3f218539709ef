import type {
  Message,
  MessagePart,
  ToolApprovalRequestPart,
  ToolApprovalResponsePart,
  ToolResultPart,
} from '../../../spec/message.js';
import { isToolSearchItem } from './map-openai-tool-search-items.js';
import type { ResponsesInputItem } from './openai-responses-api.js';

/** Client tool calls by call id: the item the model sent, for answering it with the right output type. */
export type ClientCallItems = ReadonlyMap<string, Record<string, unknown>>;

/** The kept item of a part (`providerOptions.openai.item`), if it has one. */
export function keptItem(part: MessagePart): Record<string, unknown> | undefined {
  const item = part.providerOptions?.openai?.item;
  return typeof item === 'object' && item !== null && !Array.isArray(item)
    ? (item as Record<string, unknown>)
    : undefined;
}

/** Every client tool call item of the prompt's assistant messages (custom, shell, local shell, apply_patch). */
export function clientCallItemsOf(prompt: readonly Message[]): ClientCallItems {
  const items = new Map<string, Record<string, unknown>>();
  for (const message of prompt) {
    if (message.role !== 'assistant') continue;
    for (const part of message.content) {
      if (part.type !== 'tool-call' || part.providerExecuted) continue;
      const item = keptItem(part);
      if (item !== undefined) items.set(part.toolCallId, item);
    }
  }
  return items;
}

/**
 * The item sent back for an assistant part about a tool OpenAI ran or a client tool item: the item as
 * received (hosted results, tool search calls and outputs, client calls, MCP approval requests, compaction),
 * or a reference to it when the response was stored. `undefined` when the part is not one of those.
 */
export function convertKeptItem(part: MessagePart, store: boolean): ResponsesInputItem | undefined {
  const item = keptItem(part);
  if (item === undefined) return undefined;
  // Tool search is two items, the call and its output: each goes back (or is referred to) on its own.
  const providerExecuted =
    (part.type === 'tool-call' || part.type === 'tool-result') && part.providerExecuted;
  if (providerExecuted && isToolSearchItem(String(item.type))) {
    return store ? { type: 'item_reference', id: String(item.id) } : (item as ResponsesInputItem);
  }
  if (part.type === 'tool-result' && part.providerExecuted) {
    // With store, the call's item_reference already stands for the whole item.
    return store ? undefined : (item as ResponsesInputItem);
  }
  if (part.type === 'tool-approval-request' && part.providerExecuted) {
    return store ? { type: 'item_reference', id: String(item.id) } : (item as ResponsesInputItem);
  }
  if (part.type === 'reasoning' && item.type === 'compaction') return item as ResponsesInputItem;
  if (part.type === 'tool-call' && !part.providerExecuted) return item as ResponsesInputItem;
  return undefined;
}

/** An approval request the history holds without its item: rebuilt from the part. */
export function convertApprovalRequest(part: ToolApprovalRequestPart, store: boolean): ResponsesInputItem {
  if (store) return { type: 'item_reference', id: part.approvalId };
  return {
    type: 'mcp_approval_request',
    id: part.approvalId,
    name: part.toolName,
    arguments: part.input,
    server_label: String(part.providerOptions?.openai?.serverLabel ?? ''),
  };
}

/** The answer to a remote MCP approval request. */
export function convertApprovalResponse(part: ToolApprovalResponsePart): ResponsesInputItem {
  return {
    type: 'mcp_approval_response',
    approval_request_id: part.approvalId,
    approve: part.approved,
    ...(part.reason ? { reason: part.reason } : {}),
  };
}

/**
 * Our result for a client tool item, in the output type its call needs: `custom_tool_call_output`,
 * `local_shell_call_output`, `shell_call_output` (the executor's JSON from `shellOutput`, or its text as
 * stdout) or `apply_patch_call_output` (failed when the result is an error). `undefined` for function calls.
 */
export function convertClientItemOutput(
  part: ToolResultPart,
  call: Record<string, unknown> | undefined,
): ResponsesInputItem | undefined {
  const output = part.output;
  const text = outputText(output);
  const call_id = part.toolCallId;
  switch (call?.type) {
    case 'custom_tool_call':
      return { type: 'custom_tool_call_output', call_id, output: text };
    case 'local_shell_call':
      return { type: 'local_shell_call_output', call_id, output: text };
    case 'shell_call': {
      const action = (call.action ?? {}) as { max_output_length?: unknown };
      return {
        type: 'shell_call_output',
        call_id,
        output: shellEntries(text, output.type === 'error'),
        ...(typeof action.max_output_length === 'number'
          ? { max_output_length: action.max_output_length }
          : {}),
      };
    }
    case 'apply_patch_call':
      return {
        type: 'apply_patch_call_output',
        call_id,
        status: output.type === 'error' ? 'failed' : 'completed',
        output: text,
      };
    default:
      return undefined;
  }
}

function shellEntries(text: string, failed: boolean): unknown[] {
  try {
    const parsed: unknown = JSON.parse(text);
    if (
      Array.isArray(parsed) &&
      parsed.every((entry) => typeof entry === 'object' && entry !== null && 'outcome' in entry)
    ) {
      return parsed;
    }
  } catch {
    // Plain text: reported as the command's stdout (stderr when the tool failed).
  }
  const outcome = { type: 'exit', exit_code: failed ? 1 : 0 };
  return [failed ? { stdout: '', stderr: text, outcome } : { stdout: text, stderr: '', outcome }];
}

/** The text of a result, whatever its kind: JSON results as their JSON text. */
function outputText(output: ToolResultPart['output']): string {
  switch (output.type) {
    case 'text':
      return output.text;
    case 'error':
      return output.error;
    case 'json':
      return JSON.stringify(output.value);
    default:
      return output.text ?? '';
  }
}
