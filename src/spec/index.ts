export type {
  CallOptions,
  CallRetryEvent,
  RequestOptions,
  ResponseFormat,
  RetryTimingOptions,
  SamplingOptions,
  TimeoutOptions,
} from './call-options.js';
export type { CallWarning } from './call-warning.js';
export {
  type Content,
  type FileContent,
  type ReasoningContent,
  reasoningTextOf,
  type SourceContent,
  sourcesOf,
  type TextContent,
  type ToolApprovalRequestContent,
  type ToolCallContent,
  type ToolResultContent,
  textOf,
  toolApprovalRequestsOf,
  toolCallsOf,
  toolResultsOf,
} from './content.js';
export type { EmbedCallOptions, EmbedCallResult, EmbeddingModel } from './embedding-model.js';
export type { FinishReason } from './finish-reason.js';
export {
  type GenerateResponse,
  type GenerateResult,
  type ResponseInfo,
  withResultText,
} from './generate-result.js';
export type { JSONObject, JSONSchema, JSONValue } from './json-value.js';
export type { LanguageModel, Provider } from './language-model.js';
export {
  type FilePart,
  type Message,
  type MessagePart,
  type ReasoningPart,
  type Role,
  systemMessage,
  type TextPart,
  type ToolApprovalRequestPart,
  type ToolApprovalResponsePart,
  type ToolCallPart,
  type ToolResultOutput,
  type ToolResultPart,
  userMessage,
} from './message.js';
export type {
  ObjectCallOptions,
  ObjectMode,
  ObjectResult,
  ObjectStreamPart,
  RepairTextFunction,
} from './object.js';
export type { ProviderMetadata, ProviderOptions } from './provider-options.js';
export type { StreamPart, StreamPartOf } from './stream-part.js';
export type { FunctionTool, ProviderDefinedTool, Tool, ToolChoice } from './tool.js';
export { addUsage, emptyUsage, type Usage } from './usage.js';
