import { type ToolApprovalRequestContent, toolApprovalRequestsOf } from '../spec/content.js';
import { type GenerateResult, withResultText } from '../spec/generate-result.js';
import type { Message } from '../spec/message.js';
import { addUsage, emptyUsage, type Usage } from '../spec/usage.js';

/** One step of an agent run: the model's response with validated tool calls and the tool results appended. */
export interface StepResult extends GenerateResult {
  /** What this step appended to the history: an assistant message, then a tool message if tools ran. */
  messages: Message[];
}

/** Everything an agent run produced. */
export interface AgentResult {
  steps: StepResult[];
  /**
   * The final answer: the latest step with non-blank text (a last step with only tool calls does not hide
   * earlier text), else the last step, else an empty response.
   */
  response: GenerateResult;
  /** Field-wise sum of every step's usage. */
  totalUsage: Usage;
  /** The final answer's text (`response.text`). */
  text: string;
  /** The final answer's reasoning (`response.reasoningText`). */
  reasoningText: string;
  /**
   * Every message the run added, in order: the tool results of approvals answered in the messages it was
   * given (one tool message), then each step's `messages`. Append them to the prompt to persist the
   * conversation or continue it, `save([...prompt, ...result.messages])`.
   */
  messages: Message[];
  /**
   * The approval requests the run stopped at (the last step's), empty when it finished. Answer each with
   * `approve(request)` or `deny(request, reason)`, append the answers after `messages`, and run again.
   */
  pendingApprovals: ToolApprovalRequestContent[];
}

/** The latest step with non-blank text, else the last step, else an empty response. */
export function finalResponse(steps: readonly StepResult[]): GenerateResult {
  for (let index = steps.length - 1; index >= 0; index--) {
    const step = steps[index];
    if (step !== undefined && hasNonBlankText(step)) return step;
  }
  return (
    steps.at(-1) ??
    withResultText({ content: [], finishReason: 'unknown', usage: emptyUsage(), warnings: [] })
  );
}

/** True when some text block has a non-whitespace character. */
export function hasNonBlankText(response: Pick<GenerateResult, 'content'>): boolean {
  return response.content.some((part) => part.type === 'text' && part.text.trim() !== '');
}

/** The run's result from its steps, after the tool message of the approvals it resumed (if any). */
export function toAgentResult(steps: StepResult[], resumedMessages: readonly Message[] = []): AgentResult {
  const response = finalResponse(steps);
  return {
    steps,
    response,
    totalUsage: steps.reduce((total, step) => addUsage(total, step.usage), emptyUsage()),
    text: response.text,
    reasoningText: response.reasoningText,
    messages: [...resumedMessages, ...steps.flatMap((step) => step.messages)],
    pendingApprovals: toolApprovalRequestsOf(steps.at(-1)?.content ?? []),
  };
}
