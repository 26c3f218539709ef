import { retryWithBackoff } from '../http/retry.js';
import type { Content } from '../spec/content.js';
import type { Message } from '../spec/message.js';
import { type AgentResult, type StepResult, toAgentResult } from './agent-result.js';
import { executeTools } from './execute-tools.js';
import { shouldContinue, toStepResult } from './finish-step.js';
import { appendStep, createHistory, planStep } from './plan-step.js';
import { raceAbort } from './race-abort.js';
import type { AgentRun } from './resolve-agent-run.js';
import {
  type CheckedToolCall,
  type ToolCallValidationContext,
  validateAndRepairToolCall,
} from './validate-tool-call.js';

/** Runs an agent without streaming: step after step until the model stops calling tools. */
export async function generateAgent(run: AgentRun): Promise<AgentResult> {
  const steps: StepResult[] = [];
  const history = createHistory(run);
  do {
    run.abortSignal?.throwIfAborted();
    const step = await generateStep(run, steps, history);
    steps.push(step);
    appendStep(history, step);
  } while (await shouldContinue(run, steps));
  return toAgentResult(steps);
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
  const results = await raceAbort(
    executeTools({ calls, tools: plan.runnableTools, messages: plan.messages, abortSignal: run.abortSignal }),
    run.abortSignal,
  );
  return toStepResult(response, content, results);
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
