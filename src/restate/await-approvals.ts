import type { Context } from '@restatedev/restate-sdk';
import { approvalResponse } from '../agent/tool-approval.js';
import type { ToolApprovalRequestContent } from '../spec/content.js';
import type { Message, ToolApprovalResponsePart } from '../spec/message.js';

/** A human's answer, the payload that resolves an approval's awakeable. */
export interface ApprovalDecision {
  approved: boolean;
  reason?: string;
}

/** An approval request with the id of the awakeable that answers it. */
export interface PendingDurableApproval {
  request: ToolApprovalRequestContent;
  /** Resolve it through Restate's ingress: `POST /restate/awakeables/<id>/resolve` with an `ApprovalDecision`. */
  awakeableId: string;
}

/**
 * Tells the humans about requests (a message, a ticket, a row in a table). Called once per pause, inside a
 * journaled step: a replay does not notify again.
 */
export type ApprovalNotifier = (approvals: PendingDurableApproval[]) => void | Promise<void>;

/**
 * Creates an awakeable for each request, notifies once, and waits (suspended, costing nothing) until every
 * awakeable is resolved. The answers form the tool message a resumed run needs. A payload that is not an
 * `ApprovalDecision` counts as a denial that says so: a tool never runs on an answer nobody can read.
 */
export async function awaitApprovals(
  ctx: Context,
  requests: readonly ToolApprovalRequestContent[],
  notify: ApprovalNotifier,
): Promise<Message> {
  const pending = requests.map((request) => ({ request, awakeable: ctx.awakeable<unknown>() }));
  const approvals = pending.map(({ request, awakeable }) => ({ request, awakeableId: awakeable.id }));
  await ctx.run('approval requests', async () => {
    await notify(approvals);
  });
  const content: ToolApprovalResponsePart[] = [];
  for (const { request, awakeable } of pending) {
    const decision = readDecision(await awakeable.promise);
    content.push(approvalResponse(request, decision.approved, decision.reason));
  }
  return { role: 'tool', content };
}

function readDecision(payload: unknown): ApprovalDecision {
  if (
    typeof payload === 'object' &&
    payload !== null &&
    typeof (payload as ApprovalDecision).approved === 'boolean'
  ) {
    const { approved, reason } = payload as ApprovalDecision;
    return typeof reason === 'string' ? { approved, reason } : { approved };
  }
  return {
    approved: false,
    reason:
      'the answer was not understood (expected {"approved": boolean, "reason"?: string}); treated as a denial',
  };
}
