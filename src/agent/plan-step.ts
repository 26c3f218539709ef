import type { CallOptions } from '../spec/call-options.js';
import type { LanguageModel } from '../spec/language-model.js';
import { type Message, systemMessage } from '../spec/message.js';
import type { Tool } from '../spec/tool.js';
import type { PrepareStepResult } from './agent-options.js';
import type { StepResult } from './agent-result.js';
import type { AgentRun } from './resolve-agent-run.js';
import { type StepTool, selectTools } from './select-tools.js';

/** Everything one step needs: the model call and the tools it may run. */
export interface StepPlan {
  stepNumber: number;
  model: LanguageModel;
  /** The step's system prompt, `''` when there is none. */
  system: string;
  /** The step's prompt. */
  messages: Message[];
  tools: Tool[];
  runnableTools: Map<string, StepTool>;
  call: CallOptions;
}

/**
 * The run's one history: the initial prompt, then each step's messages appended in place once the step
 * ended. Every step hands it on as is (to the model, `prepareStep` and tools), so a step costs the same
 * whatever the history's length; whoever keeps it past its step sees it grow, and copies it.
 */
export function createHistory(run: AgentRun): Message[] {
  return [...run.prompt];
}

/** Appends a finished step's messages to the history. */
export function appendStep(history: Message[], step: StepResult): void {
  for (const message of step.messages) history.push(message);
}

/**
 * Prepares a step: the prompt is the history (the initial prompt plus every earlier step's messages),
 * not a copy of it; then `prepareStep` may override the model, prompt, system message, tool choice and
 * tools for this step only.
 */
export async function planStep(
  run: AgentRun,
  steps: readonly StepResult[],
  history: Message[],
): Promise<StepPlan> {
  const stepNumber = steps.length;
  const defaultMessages = history;
  const overrides: PrepareStepResult =
    (await run.prepareStep?.({
      steps,
      stepNumber,
      model: run.model,
      messages: defaultMessages,
      ...(run.abortSignal === undefined ? {} : { abortSignal: run.abortSignal }),
    })) ?? {};
  const model = overrides.model ?? run.model;
  const system = overrides.system ?? run.system;
  const baseMessages = overrides.messages ?? defaultMessages;
  const messages =
    overrides.system === undefined ? baseMessages : replaceSystem(baseMessages, overrides.system);
  const selected = selectTools({
    tools: overrides.tools ?? run.tools,
    providerTools: run.providerTools,
    activeTools: overrides.activeTools?.length ? overrides.activeTools : run.activeTools,
    disableAll: overrides.disableAllTools ?? false,
  });
  const call: CallOptions = {
    prompt: messages,
    ...run.sampling,
    tools: selected.tools,
    toolChoice: overrides.toolChoice ?? run.toolChoice,
    headers: run.headers,
    providerOptions: run.providerOptions,
    // The agent retries each step itself (its rule for streams knows what reached the caller): the model
    // call must not retry again underneath.
    maxRetries: 0,
    ...(run.userAgent === undefined ? {} : { userAgent: run.userAgent }),
    ...(run.abortSignal === undefined ? {} : { abortSignal: run.abortSignal }),
    ...(run.timeout === undefined ? {} : { timeout: run.timeout }),
  };
  return {
    stepNumber,
    model,
    system,
    messages,
    tools: selected.tools,
    runnableTools: selected.runnable,
    call,
  };
}

/**
 * Replaces a leading system message, or inserts one when there is none; `''` removes it. (Fantasy
 * overwrites index 0 whatever its role, losing the first user message when the agent had no system prompt.)
 */
export function replaceSystem(messages: readonly Message[], system: string): Message[] {
  const rest = messages[0]?.role === 'system' ? messages.slice(1) : [...messages];
  return system === '' ? rest : [systemMessage(system), ...rest];
}
