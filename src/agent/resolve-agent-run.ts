import { InvalidArgumentError } from '../errors/invalid-argument-error.js';
import type { RetryOptions } from '../http/retry.js';
import type { RequestOptions, SamplingOptions } from '../spec/call-options.js';
import type { LanguageModel } from '../spec/language-model.js';
import type { Message } from '../spec/message.js';
import type { ProviderOptions } from '../spec/provider-options.js';
import type { ToolChoice } from '../spec/tool.js';
import type {
  AgentCall,
  AgentSettings,
  PrepareStepFunction,
  RepairToolCallFunction,
} from './agent-options.js';
import { type AnsweredApproval, collectApprovalAnswers } from './collect-approval-answers.js';
import { createPrompt } from './create-prompt.js';
import type { ProviderTool } from './executable-provider-tool.js';
import type { StopCondition } from './stop-condition.js';
import type { AgentTool } from './tool.js';

/** The default step cap; Fantasy has none. */
export const defaultMaxSteps = 20;

/** An agent's settings merged with one call's: what a run actually uses. */
export interface AgentRun {
  model: LanguageModel;
  /** `''` when there is none. */
  system: string;
  tools: AgentTool[];
  providerTools: ProviderTool[];
  sampling: SamplingOptions;
  toolChoice: ToolChoice;
  activeTools: string[];
  stopWhen: StopCondition[];
  maxSteps: number;
  prepareStep: PrepareStepFunction | undefined;
  repairToolCall: RepairToolCallFunction | undefined;
  retry: RetryOptions;
  headers: Record<string, string>;
  providerOptions: ProviderOptions;
  userAgent: string | undefined;
  abortSignal: AbortSignal | undefined;
  /** Timeouts of each model call. */
  timeout: RequestOptions['timeout'];
  /** The validated initial prompt. */
  prompt: Message[];
  /** Approvals answered in `messages` whose calls run before the first step. */
  answeredApprovals: AnsweredApproval[];
}

const samplingKeys = [
  'maxOutputTokens',
  'temperature',
  'topP',
  'topK',
  'presencePenalty',
  'frequencyPenalty',
] as const satisfies readonly (keyof SamplingOptions)[];

/**
 * Merges settings and call: scalars take the call's value, else the agent's; headers and provider options
 * merge key by key; a non-empty `stopWhen` on the call replaces the agent's. Validates the prompt.
 */
export function resolveAgentRun(model: LanguageModel, settings: AgentSettings, call: AgentCall): AgentRun {
  const system = settings.system ?? '';
  const maxSteps = call.maxSteps ?? settings.maxSteps ?? defaultMaxSteps;
  assertMaxSteps(maxSteps);
  return {
    model,
    system,
    tools: settings.tools ?? [],
    providerTools: settings.providerTools ?? [],
    sampling: mergeSampling(settings, call),
    toolChoice: call.toolChoice ?? settings.toolChoice ?? 'auto',
    activeTools: call.activeTools ?? [],
    stopWhen: pickStopConditions(call.stopWhen, settings.stopWhen),
    maxSteps,
    prepareStep: call.prepareStep ?? settings.prepareStep,
    repairToolCall: call.repairToolCall ?? settings.repairToolCall,
    retry: {
      ...settings.retry,
      maxRetries: call.maxRetries ?? settings.maxRetries,
      onRetry: call.onRetry ?? settings.onRetry,
      abortSignal: call.abortSignal,
    },
    headers: { ...settings.headers, ...call.headers },
    providerOptions: { ...settings.providerOptions, ...call.providerOptions },
    userAgent: settings.userAgent,
    abortSignal: call.abortSignal,
    timeout: call.timeout ?? settings.timeout,
    prompt: createPrompt({ system, prompt: call.prompt, files: call.files, messages: call.messages }),
    answeredApprovals: collectApprovalAnswers(call.messages ?? [], (call.prompt ?? '') !== ''),
  };
}

function mergeSampling(settings: SamplingOptions, call: SamplingOptions): SamplingOptions {
  const sampling: SamplingOptions = {};
  for (const key of samplingKeys) {
    const value = call[key] ?? settings[key];
    if (value !== undefined) sampling[key] = value;
  }
  return sampling;
}

function pickStopConditions(
  fromCall: StopCondition | StopCondition[] | undefined,
  fromAgent: StopCondition | StopCondition[] | undefined,
): StopCondition[] {
  const callConditions = toArray(fromCall);
  return callConditions.length > 0 ? callConditions : toArray(fromAgent);
}

function toArray<T>(value: T | T[] | undefined): T[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

function assertMaxSteps(maxSteps: number): void {
  if (maxSteps === Number.POSITIVE_INFINITY || (Number.isInteger(maxSteps) && maxSteps >= 1)) return;
  throw new InvalidArgumentError({
    argument: 'maxSteps',
    message: `maxSteps must be a positive integer or Infinity, got ${maxSteps}`,
  });
}
