import { retryWithBackoff } from '../http/retry.js';
import type { Content } from '../spec/content.js';
import type { Message } from '../spec/message.js';
import { type AgentResult, type StepResult, toAgentResult } from './agent-result.js';
import { executeTools } from './execute-tools.js';
import { shouldContinue, toStepResult } from './finish-step.js';
import { appendStep, createHistory, planStep } from './plan-step.js';
import { raceAbort } from './race-abort.js';
import { requestApprovals } from './request-approvals.js';
import type { AgentRun } from './resolve-agent-run.js';
import { resumeRun } from './run-answered-approvals.js';
import {
  type CheckedToolCall,
  type ToolCallValidationContext,
  validateAndRepairToolCall,
} from './validate-tool-call.js';

/**
 * Runs an agent without streaming: first the calls whose approvals the history answers, then step after
 * step until the model stops calling tools or a call waits for approval.
 */
export async function generateAgent(initialRun: AgentRun): Promise<AgentResult> {
  initialRun.abortSignal?.throwIfAborted();
  const { run, resumed } = await resumeRun(initialRun);
  const steps: StepResult[] = [];
  const history = createHistory(run);
  do {
    run.abortSignal?.throwIfAborted();
    const step = await generateStep(run, steps, history);
    steps.push(step);
    appendStep(history, step);
  } while (await shouldContinue(run, steps));
  return toAgentResult(steps, resumed.messages);
}

async function generateStep(
  run: AgentRun,
  steps: readonly StepResult[],
  history: Message[],
): Promise<StepResult> {
  const plan = await planStep(run, steps, history);
  const response = await retryWithBackoff(
    () => raceAbort(plan.model.generate(plan.call), run.abortSignal),
    run.retry,
  );
  const context = { plan, repairToolCall: run.repairToolCall, abortSignal: run.abortSignal };
  const { content, calls } = await validateContent(response.content, context);
  const tools = plan.runnableTools;
  const approvals = await requestApprovals({
    calls,
    tools,
    messages: plan.messages,
    abortSignal: run.abortSignal,
  });
  const results = await raceAbort(
    executeTools({ calls: approvals.calls, tools, messages: plan.messages, abortSignal: run.abortSignal }),
    run.abortSignal,
  );
  return toStepResult(response, [...content, ...approvals.requests], results);
}

/** The content with each client tool call replaced by its validated (maybe repaired) copy. */
async function validateContent(
  content: readonly Content[],
  context: ToolCallValidationContext,
): Promise<{ content: Content[]; calls: CheckedToolCall[] }> {
  const validated: Content[] = [];
  const calls: CheckedToolCall[] = [];
  for (const part of content) {
    if (part.type !== 'tool-call' || part.providerExecuted) {
      validated.push(part);
      continue;
    }
    const checked = await validateAndRepairToolCall(part, context);
    calls.push(checked);
    validated.push(checked.call);
  }
  return { content: validated, calls };
}
