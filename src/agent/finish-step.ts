import type { Content, ToolResultContent } from '../spec/content.js';
import { type GenerateResponse, withResultText } from '../spec/generate-result.js';
import type { StepResult } from './agent-result.js';
import type { AgentRun } from './resolve-agent-run.js';
import { isStopConditionMet } from './stop-condition.js';
import { toResponseMessages } from './to-response-messages.js';

/** A step's result: the model's response, its content (validated calls) with the tool results appended. */
export function toStepResult(
  response: GenerateResponse,
  content: readonly Content[],
  toolResults: readonly ToolResultContent[],
): StepResult {
  const stepContent = [...content, ...toolResults];
  return {
    ...withResultText({ ...response, content: stepContent }),
    messages: toResponseMessages(stepContent, response.providerMetadata),
  };
}

/**
 * The agent calls the model again only when the last step made at least one client tool call (valid or
 * not) AND finished with `tool-calls` AND no result asked to stop the turn AND no call waits for approval
 * AND no stop condition holds AND the step cap is not reached.
 */
export async function shouldContinue(run: AgentRun, steps: readonly StepResult[]): Promise<boolean> {
  if (await isStopConditionMet(run.stopWhen, steps)) return false;
  const step = steps.at(-1);
  if (step === undefined || steps.length >= run.maxSteps || step.finishReason !== 'tool-calls') return false;
  const content = step.content;
  if (content.some((part) => part.type === 'tool-result' && part.stopTurn)) return false;
  // A call waiting for a human pauses the run; the next run resumes it (collect-approval-answers.ts).
  if (content.some((part) => part.type === 'tool-approval-request')) return false;
  return content.some((part) => part.type === 'tool-call' && !part.providerExecuted);
}
