/**
 * The approvals contract shared with the agent, now in the spec: an assistant part asking for approval of a call,
 * and the tool-message part answering it. `fromUIMessages` builds them from the tool parts' `approval` state.
 */
export type { ToolApprovalRequestPart, ToolApprovalResponsePart } from '../spec/message.js';
