import type { ToolCallContent, ToolResultContent } from '../spec/content.js';
import type { Message } from '../spec/message.js';
import type { AnsweredApproval } from './collect-approval-answers.js';
import { executeTools } from './execute-tools.js';
import { raceAbort } from './race-abort.js';
import type { AgentRun } from './resolve-agent-run.js';
import { selectTools } from './select-tools.js';
import { toResponseMessages } from './to-response-messages.js';
import { toErrorResult } from './to-tool-result.js';
import { deniedToolMessage } from './tool-approval.js';
import { type CheckedToolCall, checkToolCall } from './validate-tool-call.js';

/** What a run did with the approvals it was answered before its first step. */
export interface ResumedApprovals {
  /** One result per answered approval, in request order. */
  results: ToolResultContent[];
  /** The tool message holding them (none when there were no answers), appended to the prompt. */
  messages: Message[];
}

/**
 * Runs the answered approvals and gives back the run with their tool message appended to its prompt, so
 * that its first step sends the results to the model.
 */
export async function resumeRun(
  run: AgentRun,
  onResult?: (result: ToolResultContent) => Promise<void>,
): Promise<{ run: AgentRun; resumed: ResumedApprovals }> {
  const resumed = await runAnsweredApprovals(run, onResult);
  if (resumed.messages.length === 0) return { run, resumed };
  return { run: { ...run, prompt: [...run.prompt, ...resumed.messages] }, resumed };
}

/**
 * Acts on the answered approvals of a run's history before its first step: approved calls are validated
 * against the run's tools again and executed (parallel tools in parallel, as in a step), denied calls get
 * an error result saying so, with the reason. `onResult` sees each result as it completes: the denials
 * first, then the executed calls. The results themselves are in request order.
 */
export async function runAnsweredApprovals(
  run: AgentRun,
  onResult?: (result: ToolResultContent) => Promise<void>,
): Promise<ResumedApprovals> {
  if (run.answeredApprovals.length === 0) return { results: [], messages: [] };
  const tools = selectTools({
    tools: run.tools,
    providerTools: run.providerTools,
    activeTools: run.activeTools,
    disableAll: false,
  }).runnable;
  const approved: CheckedToolCall[] = [];
  const results: ToolResultContent[] = [];
  const slots: number[] = [];
  for (const [index, { request, response }] of run.answeredApprovals.entries()) {
    const call = toToolCall(request);
    if (response.approved) {
      approved.push(await recheck(call, tools));
      slots.push(index);
    } else {
      const denied = toErrorResult(call, deniedToolMessage(response.reason));
      results[index] = denied;
      await onResult?.(denied);
    }
  }
  const executed = await raceAbort(
    executeTools({ calls: approved, tools, messages: run.prompt, abortSignal: run.abortSignal, onResult }),
    run.abortSignal,
  );
  executed.forEach((result, position) => {
    results[slots[position] ?? 0] = result;
  });
  return { results, messages: toResponseMessages(results) };
}

function toToolCall(request: AnsweredApproval['request']): ToolCallContent {
  return {
    type: 'tool-call',
    toolCallId: request.toolCallId,
    toolName: request.toolName,
    input: request.input,
  };
}

/** The stored input is validated again: the process may be new, and the tools may have changed. */
async function recheck(
  call: ToolCallContent,
  tools: Parameters<typeof checkToolCall>[1],
): Promise<CheckedToolCall> {
  const checked = await checkToolCall(call, tools);
  if ('value' in checked) return { call, valid: true, input: checked.value };
  return { call: { ...call, invalid: true, validationError: checked.error }, valid: false };
}
