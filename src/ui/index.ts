/**
 * `fantasy-ts/ui`: serve an agent run to chat front ends. The AI SDK UI message stream protocol (v1, what
 * `useChat` from `@ai-sdk/react` reads) and AG-UI events, over web-standard `Response`s or Node responses.
 * No runtime dependency: the protocol types are written here.
 */

export { InvalidUIMessageError } from '../errors/invalid-ui-message-error.js';
export {
  type AGUIContentPart,
  type AGUIEvent,
  type AGUIInterrupt,
  type AGUIMessage,
  type AGUIResumeEntry,
  type AGUIRunOutcome,
  type AGUITokenUsage,
  aguiProtocolVersion,
  type RunAgentInput,
} from './agui-event.js';
export { aguiHeaders } from './agui-headers.js';
export { createUIDataWriter, type UIDataWriter } from './create-ui-data-writer.js';
export { type AGUIRunInput, fromAGUIInput } from './from-agui-input.js';
export { fromUIMessages } from './from-ui-messages.js';
export type { NodeResponseInit, NodeResponseLike } from './node-response-like.js';
export { parseUIChatRequest, type UIChatRequest } from './parse-ui-chat-request.js';
export { parseUIMessages } from './parse-ui-messages.js';
export { pipeAGUIEventsToNodeResponse } from './pipe-agui-events-to-node-response.js';
export { pipeUIMessageStreamToNodeResponse } from './pipe-ui-message-stream-to-node-response.js';
export { formatSSEEvent, type SSEStreamOptions, toSSEStream } from './sse-stream.js';
export { type AGUIEventsOptions, toAGUIEvents } from './to-agui-events.js';
export { toAGUIEventsResponse } from './to-agui-events-response.js';
export { toUIMessageStream } from './to-ui-message-stream.js';
export {
  toUIMessageStreamResponse,
  type UIMessageStreamResponseInit,
} from './to-ui-message-stream-response.js';
export type { ToolApprovalRequestPart, ToolApprovalResponsePart } from './ui-approval-parts.js';
export { uiErrorResponse } from './ui-error-response.js';
export type { UIMessage, UIMessagePart, UIToolApproval, UIToolPart } from './ui-message.js';
export {
  type UIDataChunk,
  type UIFinishReason,
  type UIMessageChunk,
  uiMessageStreamHeaders,
  uiMessageStreamVersion,
} from './ui-message-chunk.js';
export type { UIMessageMetadataEvent, UIMessageStreamOptions } from './ui-message-stream-options.js';
export type { ToolApprovalRequestStreamPart, UISourcePart, UIStreamSource } from './ui-stream-source.js';
