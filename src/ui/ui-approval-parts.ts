import type { ProviderOptions } from '../spec/provider-options.js';

/**
 * The approvals contract shared with the agent: an assistant part asking for approval of a call, and the
 * tool-message part answering it. `fromUIMessages` builds them from the tool parts' `approval` state.
 */
export interface ToolApprovalRequestPart {
  type: 'tool-approval-request';
  approvalId: string;
  toolCallId: string;
  toolName: string;
  /** JSON text, as in the tool call. */
  input: string;
  providerExecuted?: boolean;
  providerOptions?: ProviderOptions;
}

/** The user's answer to an approval request. */
export interface ToolApprovalResponsePart {
  type: 'tool-approval-response';
  approvalId: string;
  toolCallId: string;
  approved: boolean;
  reason?: string;
  providerExecuted?: boolean;
  providerOptions?: ProviderOptions;
}
