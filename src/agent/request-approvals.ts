import type { ToolApprovalRequestContent } from '../spec/content.js';
import type { Message } from '../spec/message.js';
import type { StepTool } from './select-tools.js';
import { approvalIdFor } from './tool-approval.js';
import type { CheckedToolCall } from './validate-tool-call.js';

/** What deciding a step's approvals needs. */
export interface RequestApprovalsOptions {
  /** The step's client tool calls, validated, in call order. */
  calls: readonly CheckedToolCall[];
  tools: ReadonlyMap<string, StepTool>;
  /** The step's prompt, passed to `needsApproval`. */
  messages: Message[];
  abortSignal: AbortSignal | undefined;
}

/** A step's calls split into those that run now and those that wait for a human. */
export interface StepApprovals {
  /** Calls to run now (invalid ones too: they get their error result), in call order. */
  calls: CheckedToolCall[];
  /** One request per call that waits, in call order. */
  requests: ToolApprovalRequestContent[];
}

/**
 * Asks each valid call's tool whether it needs approval (`needsApproval`, evaluated in call order). Calls
 * that do become requests and do not run in this step; invalid calls never wait, since they will not run.
 */
export async function requestApprovals(options: RequestApprovalsOptions): Promise<StepApprovals> {
  const approvals: StepApprovals = { calls: [], requests: [] };
  for (const checked of options.calls) {
    if (checked.valid && (await needsApproval(checked, options))) {
      approvals.requests.push(toApprovalRequest(checked));
    } else {
      approvals.calls.push(checked);
    }
  }
  return approvals;
}

async function needsApproval(
  checked: Extract<CheckedToolCall, { valid: true }>,
  options: RequestApprovalsOptions,
): Promise<boolean> {
  const stepTool = options.tools.get(checked.call.toolName);
  if (stepTool?.type !== 'function' || stepTool.needsApproval === undefined) return false;
  return stepTool.needsApproval(checked.input, {
    toolCallId: checked.call.toolCallId,
    messages: options.messages,
    ...(options.abortSignal === undefined ? {} : { abortSignal: options.abortSignal }),
  });
}

function toApprovalRequest(checked: CheckedToolCall): ToolApprovalRequestContent {
  const { call } = checked;
  return {
    type: 'tool-approval-request',
    approvalId: approvalIdFor(call.toolCallId),
    toolCallId: call.toolCallId,
    toolName: call.toolName,
    input: call.input,
  };
}
