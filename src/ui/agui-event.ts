/**
 * AG-UI protocol types (events and the run input), written from the AG-UI 1.0 docs so this module does not
 * depend on `@ag-ui/core`. Only the fields fantasy-ts sends or reads are listed.
 */

/** The AG-UI protocol version fantasy-ts speaks. */
export const aguiProtocolVersion = '1.0';

/** Token counts in AG-UI's accounting: input and output are totals, the others are parts of them. */
export interface AGUITokenUsage {
  inputTokens: number;
  outputTokens: number;
  totalTokens: number;
  reasoningTokens?: number;
  cachedInputTokens?: number;
  cacheWriteInputTokens?: number;
}

/** Something a run waits for; fantasy-ts uses it for tool approvals. */
export interface AGUIInterrupt {
  id: string;
  reason: string;
  message?: string;
  toolCallId?: string;
  metadata?: Record<string, unknown>;
}

/** Why a run ended. */
export type AGUIRunOutcome =
  | { type: 'success'; pendingToolCallIds?: string[] }
  | { type: 'interrupt'; interrupts: AGUIInterrupt[] }
  | { type: 'cancelled' };

/** One AG-UI event. */
export type AGUIEvent =
  | { type: 'RUN_STARTED'; threadId: string; runId: string; protocolVersion?: string }
  | {
      type: 'RUN_FINISHED';
      threadId: string;
      runId: string;
      outcome?: AGUIRunOutcome;
      usage?: AGUITokenUsage[];
    }
  | { type: 'RUN_ERROR'; message: string; code?: string }
  | { type: 'STEP_STARTED'; stepName: string }
  | { type: 'STEP_FINISHED'; stepName: string }
  | { type: 'TEXT_MESSAGE_START'; messageId: string; role: 'assistant' }
  | { type: 'TEXT_MESSAGE_CONTENT'; messageId: string; delta: string }
  | { type: 'TEXT_MESSAGE_END'; messageId: string }
  | { type: 'REASONING_START'; messageId: string }
  | { type: 'REASONING_MESSAGE_START'; messageId: string; role: 'reasoning' }
  | { type: 'REASONING_MESSAGE_CONTENT'; messageId: string; delta: string }
  | { type: 'REASONING_MESSAGE_END'; messageId: string }
  | { type: 'REASONING_END'; messageId: string }
  | {
      type: 'REASONING_ENCRYPTED_VALUE';
      subtype: 'message' | 'tool-call';
      entityId: string;
      encryptedValue: string;
    }
  | { type: 'TOOL_CALL_START'; toolCallId: string; toolCallName: string; parentMessageId?: string }
  | { type: 'TOOL_CALL_ARGS'; toolCallId: string; delta: string }
  | { type: 'TOOL_CALL_END'; toolCallId: string }
  | { type: 'TOOL_CALL_RESULT'; messageId: string; toolCallId: string; content: string; role: 'tool' };

/** A content part of an AG-UI user or tool message. */
export type AGUIContentPart =
  | { type: 'text'; text: string }
  | {
      type: 'image' | 'audio' | 'video' | 'document';
      source: { type: 'data' | 'url' | 'file'; value: string; mimeType?: string };
    };

/** A message of an AG-UI conversation. */
export type AGUIMessage =
  | { id: string; role: 'system' | 'developer'; content: string }
  | { id: string; role: 'user'; content: string | AGUIContentPart[] }
  | {
      id: string;
      role: 'assistant';
      content?: string;
      toolCalls?: {
        id: string;
        type: 'function';
        function: { name: string; arguments: string };
        encryptedValue?: string;
      }[];
      encryptedValue?: string;
    }
  | { id: string; role: 'tool'; toolCallId: string; content: string | AGUIContentPart[]; error?: string }
  | { id: string; role: 'reasoning'; content: string; encryptedValue?: string }
  | { id: string; role: 'activity'; activityType: string; content: Record<string, unknown> };

/** An answer to an interrupt. For approvals, `payload` may carry `{ approved, reason, toolCallId }`. */
export interface AGUIResumeEntry {
  interruptId: string;
  status: 'resolved' | 'cancelled';
  payload?: unknown;
}

/** What an AG-UI client posts to run the agent. */
export interface RunAgentInput {
  threadId: string;
  runId: string;
  protocolVersion?: string;
  parentRunId?: string;
  state?: unknown;
  messages: AGUIMessage[];
  tools?: { name: string; description: string; parameters?: unknown }[];
  context?: { description: string; value: string }[];
  forwardedProps?: unknown;
  resume?: AGUIResumeEntry[];
}
