import { isRetryableError, retryWithBackoff } from '../http/retry.js';
import type { ToolResultContent } from '../spec/content.js';
import type { Message } from '../spec/message.js';
import { type AgentResult, type StepResult, toAgentResult } from './agent-result.js';
import type { AgentStreamCallbacks } from './agent-stream-part.js';
import { consumeStepStream, type StreamedStep } from './consume-step-stream.js';
import type { EmitPart } from './emit-part.js';
import { executeTools } from './execute-tools.js';
import { shouldContinue, toStepResult } from './finish-step.js';
import { appendStep, createHistory, planStep } from './plan-step.js';
import { raceAbort } from './race-abort.js';
import { requestApprovals } from './request-approvals.js';
import type { AgentRun } from './resolve-agent-run.js';
import { resumeRun } from './run-answered-approvals.js';

/**
 * Runs an agent over model streams, calling the hooks and emitting parts as they come. Any failure after
 * `onAgentStart` (model, hook, abort) is reported once to `onError` and rejects.
 */
export async function streamAgent(
  initialRun: AgentRun,
  callbacks: AgentStreamCallbacks,
  emit: EmitPart,
): Promise<AgentResult> {
  try {
    await callbacks.onAgentStart?.();
    initialRun.abortSignal?.throwIfAborted();
    const { run, resumed } = await resumeRun(initialRun, (result) => emitToolResult(result, callbacks, emit));
    const steps: StepResult[] = [];
    const history = createHistory(run);
    do {
      run.abortSignal?.throwIfAborted();
      const step = await streamStep(run, { steps, history }, callbacks, emit);
      steps.push(step);
      appendStep(history, step);
    } while (await shouldContinue(run, steps));
    const result = toAgentResult(steps, resumed.messages);
    await callbacks.onFinish?.(result);
    await callbacks.onAgentFinish?.(result);
    return result;
  } catch (error) {
    await reportError(callbacks, error);
    throw error;
  }
}

async function streamStep(
  run: AgentRun,
  { steps, history }: { steps: readonly StepResult[]; history: Message[] },
  callbacks: AgentStreamCallbacks,
  emit: EmitPart,
): Promise<StepResult> {
  const plan = await planStep(run, steps, history);
  await callbacks.onStepStart?.(plan.stepNumber);
  await emit({ type: 'step-start', stepNumber: plan.stepNumber });
  const streamed = await streamModel(run, plan, callbacks, emit);
  // Tools run once the model stream is done, outside the retry: every onToolCall has fired, and a retried
  // model call never runs a tool twice.
  const approvals = await requestApprovals({
    calls: streamed.calls,
    tools: plan.runnableTools,
    messages: plan.messages,
    abortSignal: run.abortSignal,
  });
  for (const request of approvals.requests) {
    await callbacks.onToolApprovalRequest?.(request);
    await emit(request);
  }
  const results = await raceAbort(
    executeTools({
      calls: approvals.calls,
      tools: plan.runnableTools,
      messages: plan.messages,
      abortSignal: run.abortSignal,
      onResult: (result) => emitToolResult(result, callbacks, emit),
    }),
    run.abortSignal,
  );
  const content = [...streamed.response.content, ...approvals.requests];
  const step = toStepResult(streamed.response, content, results);
  await callbacks.onStepFinish?.(step);
  await emit({ type: 'step-finish', stepNumber: plan.stepNumber, step });
  return step;
}

/**
 * Calls the model and reads its stream, retrying only while nothing of the attempt has reached the
 * caller: a stream cut after output fails the step rather than deliver the same text twice.
 */
function streamModel(
  run: AgentRun,
  plan: Awaited<ReturnType<typeof planStep>>,
  callbacks: AgentStreamCallbacks,
  emit: EmitPart,
): Promise<StreamedStep> {
  const attempt = { delivered: false };
  const validation = { plan, repairToolCall: run.repairToolCall, abortSignal: run.abortSignal };
  return retryWithBackoff(
    async () => {
      attempt.delivered = false;
      const parts = await raceAbort(plan.model.stream(plan.call), run.abortSignal);
      return consumeStepStream(parts, { validation, callbacks, emit, abortSignal: run.abortSignal, attempt });
    },
    { ...run.retry, isRetryable: (error) => !attempt.delivered && isRetryableError(error) },
  );
}

async function emitToolResult(
  result: ToolResultContent,
  callbacks: AgentStreamCallbacks,
  emit: EmitPart,
): Promise<void> {
  await callbacks.onToolResult?.(result);
  await emit(result);
}

async function reportError(callbacks: AgentStreamCallbacks, error: unknown): Promise<void> {
  try {
    await callbacks.onError?.(error);
  } catch {
    // The run has already failed with `error`; a failing onError must not hide it.
  }
}
