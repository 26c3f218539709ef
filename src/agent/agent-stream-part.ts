import type { CallWarning } from '../spec/call-warning.js';
import type {
  ReasoningContent,
  SourceContent,
  ToolApprovalRequestContent,
  ToolCallContent,
  ToolResultContent,
} from '../spec/content.js';
import type { StreamPart, StreamPartOf } from '../spec/stream-part.js';
import type { AgentCall } from './agent-options.js';
import type { AgentResult, StepResult } from './agent-result.js';

/**
 * One event of an agent stream: every model stream part of every step (tool calls validated first, so
 * `invalid` is visible), plus `step-start`, `step-finish`, a `tool-approval-request` for each call waiting
 * for approval and a `tool-result` for each tool the agent ran (calls answered by `approve`/`deny` first,
 * before step 0).
 * Errors are not parts: iteration throws them.
 */
export type AgentStreamPart =
  | Exclude<StreamPart, { type: 'error' }>
  | { type: 'step-start'; stepNumber: number }
  | { type: 'step-finish'; stepNumber: number; step: StepResult };

type Callback<Args extends unknown[]> = ((...args: Args) => void | Promise<void>) | undefined;

/**
 * Hooks of a streamed run, called in stream order and awaited (they may be async). A hook that throws fails
 * the run: `onError` is called and the result rejects.
 */
export interface AgentStreamCallbacks {
  /** Once, after the prompt was validated. */
  onAgentStart?: Callback<[]>;
  /** Before each step; not repeated when the step's model call is retried. */
  onStepStart?: Callback<[stepNumber: number]>;
  /** Every model stream part, before its specific hook. */
  onChunk?: Callback<[part: Exclude<StreamPart, { type: 'error' }>]>;
  onWarnings?: Callback<[warnings: CallWarning[]]>;
  onTextStart?: Callback<[id: string]>;
  onTextDelta?: Callback<[id: string, delta: string]>;
  /** Fires for every `text-end`, even for blocks that never started. */
  onTextEnd?: Callback<[id: string]>;
  onReasoningStart?: Callback<[id: string, reasoning: ReasoningContent]>;
  onReasoningDelta?: Callback<[id: string, delta: string]>;
  /** Fires with the full text, only for blocks that started. */
  onReasoningEnd?: Callback<[id: string, reasoning: ReasoningContent]>;
  onToolInputStart?: Callback<[id: string, toolName: string]>;
  onToolInputDelta?: Callback<[id: string, delta: string]>;
  onToolInputEnd?: Callback<[id: string]>;
  /** Each tool call after validation and repair; every one fires before any tool of the step runs. */
  onToolCall?: Callback<[toolCall: ToolCallContent]>;
  /** Each result: tools the agent ran (in completion order) and provider-executed ones. */
  onToolResult?: Callback<[toolResult: ToolResultContent]>;
  /**
   * Each approval request: the agent's for tools with `needsApproval` (after every `onToolCall` of the
   * step, before its tools run) and the provider's as they stream.
   */
  onToolApprovalRequest?: Callback<[request: ToolApprovalRequestContent]>;
  onSource?: Callback<[source: SourceContent]>;
  /** The model's `finish` part of a step. */
  onStreamFinish?: Callback<[finish: StreamPartOf<'finish'>]>;
  onStepFinish?: Callback<[step: StepResult]>;
  /** The run failed (after retries); the result rejects with the same error. */
  onError?: Callback<[error: unknown]>;
  onFinish?: Callback<[result: AgentResult]>;
  /** After `onFinish`. */
  onAgentFinish?: Callback<[result: AgentResult]>;
}

/** One streamed run of an agent. */
export interface AgentStreamCall extends AgentCall, AgentStreamCallbacks {}

/**
 * A streamed run. Nothing runs until you iterate a stream or await `result`; the run then goes as fast as
 * the fastest reader (awaiting `result` reads everything). Take the streams you want before you start:
 * each sees every part from the moment it was taken, and nothing is kept for a stream you did not take.
 * An error or an abort ends every stream and rejects `result`.
 */
export interface AgentStreamResult {
  readonly fullStream: AsyncIterable<AgentStreamPart>;
  /** The text deltas of every step. */
  readonly textStream: AsyncIterable<string>;
  readonly result: Promise<AgentResult>;
}
