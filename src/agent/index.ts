export type {
  AgentCall,
  AgentRetryOptions,
  AgentSettings,
  AgentSharedOptions,
  PrepareStepFunction,
  PrepareStepOptions,
  PrepareStepResult,
  RepairToolCallFunction,
  RepairToolCallOptions,
} from './agent-options.js';
export { type AgentResult, finalResponse, hasNonBlankText, type StepResult } from './agent-result.js';
export type {
  AgentStreamCall,
  AgentStreamCallbacks,
  AgentStreamPart,
  AgentStreamResult,
} from './agent-stream-part.js';
export { pendingApprovalsOf } from './collect-approval-answers.js';
export { type Agent, createAgent } from './create-agent.js';
export {
  type ExecutableProviderTool,
  executableProviderTool,
  type ProviderTool,
} from './executable-provider-tool.js';
export { defaultMaxSteps } from './resolve-agent-run.js';
export {
  finishReasonIs,
  hasContent,
  hasToolCall,
  maxTokensUsed,
  type StopCondition,
  stepCountIs,
} from './stop-condition.js';
export { toResponseMessages } from './to-response-messages.js';
export {
  type AgentTool,
  type InferToolOutput,
  type ToolDefinition,
  type ToolExecuteOptions,
  type ToolNeedsApproval,
  type ToolOutcome,
  type ToolResult,
  tool,
} from './tool.js';
export { type ApprovalRequest, approvalResponse, approve, deny } from './tool-approval.js';
export {
  errorResponse,
  imageResponse,
  isToolResponse,
  jsonResponse,
  mediaResponse,
  stopTurn,
  type ToolResponse,
  textResponse,
  withResponseMetadata,
} from './tool-response.js';
