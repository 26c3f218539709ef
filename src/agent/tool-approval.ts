import type { ToolApprovalRequestContent } from '../spec/content.js';
import type { Message, ToolApprovalRequestPart, ToolApprovalResponsePart } from '../spec/message.js';

/** A request to answer: the content a run returned in `pendingApprovals`, or the part from a stored history. */
export type ApprovalRequest = Pick<
  ToolApprovalRequestContent | ToolApprovalRequestPart,
  'approvalId' | 'toolCallId' | 'providerExecuted'
>;

/** The approval id the agent gives the request for a client tool call: derived, so replays agree. */
export function approvalIdFor(toolCallId: string): string {
  return `approval-${toolCallId}`;
}

/**
 * The tool message that approves a pending call: append it to the history and run the agent again (with no
 * prompt) to execute the call and continue.
 *
 * @example
 * const prompt = [userMessage('Delete /tmp/report.txt')];
 * const first = await agent.generate({ messages: prompt });
 * const answers = first.pendingApprovals.map((request) => approve(request));
 * const second = await agent.generate({ messages: [...prompt, ...first.messages, ...answers] });
 */
export function approve(request: ApprovalRequest): Message {
  return { role: 'tool', content: [approvalResponse(request, true)] };
}

/**
 * The tool message that denies a pending call: on the next run the call does not execute and the model gets
 * an error result saying it was denied, with `reason`.
 */
export function deny(request: ApprovalRequest, reason?: string): Message {
  return { role: 'tool', content: [approvalResponse(request, false, reason)] };
}

/** The response part answering a request, for a tool message that answers several at once. */
export function approvalResponse(
  request: ApprovalRequest,
  approved: boolean,
  reason?: string,
): ToolApprovalResponsePart {
  return {
    type: 'tool-approval-response',
    approvalId: request.approvalId,
    toolCallId: request.toolCallId,
    approved,
    ...(reason === undefined ? {} : { reason }),
    ...(request.providerExecuted ? { providerExecuted: true } : {}),
  };
}

/** What the model reads for a denied call. */
export function deniedToolMessage(reason: string | undefined): string {
  const base = 'The tool call was denied and did not run.';
  return reason === undefined || reason === '' ? base : `${base} Reason: ${reason}`;
}
