/** The approval parts `fromUIMessages` builds from the tool parts' `approval` state (the spec's types). */
export type { ToolApprovalRequestPart, ToolApprovalResponsePart } from '../spec/message.js';
