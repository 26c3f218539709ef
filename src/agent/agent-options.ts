import type { RetryEvent, RetryOptions } from '../http/retry.js';
import type { RequestOptions, SamplingOptions } from '../spec/call-options.js';
import type { ToolCallContent } from '../spec/content.js';
import type { LanguageModel } from '../spec/language-model.js';
import type { FilePart, Message } from '../spec/message.js';
import type { ProviderOptions } from '../spec/provider-options.js';
import type { Tool, ToolChoice } from '../spec/tool.js';
import type { TelemetryOptions } from '../telemetry/telemetry-options.js';
import type { StepResult } from './agent-result.js';
import type { ProviderTool } from './executable-provider-tool.js';
import type { StopCondition } from './stop-condition.js';
import type { AgentTool } from './tool.js';

/** What `prepareStep` sees before each step. */
export interface PrepareStepOptions {
  /** The steps so far. */
  steps: readonly StepResult[];
  /** 0 for the first step. */
  stepNumber: number;
  model: LanguageModel;
  /**
   * The prompt this step would send: the initial prompt plus every earlier step's messages. It is the
   * run's history itself, not a copy: return a new array to change it, don't edit this one.
   */
  messages: Message[];
  abortSignal?: AbortSignal;
}

/** Overrides for one step; anything unset keeps the run's value. */
export interface PrepareStepResult {
  model?: LanguageModel;
  /** Replaces the step's prompt. */
  messages?: Message[];
  /** Replaces the step's system message, or inserts one at the start if there is none; `''` removes it. */
  system?: string;
  toolChoice?: ToolChoice;
  /** Names of the tools to offer; empty means all. */
  activeTools?: string[];
  /** Offers no tools at all this step. */
  disableAllTools?: boolean;
  /** Replaces the function tools for this step. */
  tools?: AgentTool[];
}

/** Adjusts one step before it runs; return nothing to keep everything. */
export type PrepareStepFunction = (
  options: PrepareStepOptions,
) => PrepareStepResult | undefined | Promise<PrepareStepResult | undefined>;

/** What a repair function gets for a tool call that failed validation. */
export interface RepairToolCallOptions {
  originalToolCall: ToolCallContent;
  validationError: Error;
  /** The tools offered in this step, as sent to the model. */
  availableTools: Tool[];
  /** The step's system prompt, `''` when there is none. */
  systemPrompt: string;
  /** The step's prompt. */
  messages: Message[];
  abortSignal?: AbortSignal;
}

/**
 * Fixes a tool call that failed validation, e.g. by asking a model. The returned call is validated again
 * and used as is when valid; returning nothing (or throwing) keeps the call invalid with its original error.
 */
export type RepairToolCallFunction = (
  options: RepairToolCallOptions,
) => ToolCallContent | null | undefined | Promise<ToolCallContent | null | undefined>;

/** Retry timing for model calls; `maxRetries` and `onRetry` sit on the settings and the call. */
export type AgentRetryOptions = Pick<
  RetryOptions,
  'initialDelayMs' | 'backoffFactor' | 'maxDelayMs' | 'jitter' | 'sleep' | 'now'
>;

/** Options set on both the agent and the call; the call's win. */
export interface AgentSharedOptions extends SamplingOptions {
  toolChoice?: ToolChoice;
  /** Conditions that end the run early; the call's list replaces the agent's when not empty. */
  stopWhen?: StopCondition | StopCondition[];
  prepareStep?: PrepareStepFunction;
  repairToolCall?: RepairToolCallFunction;
  /** Retries of each step's model call. @default 2 */
  maxRetries?: number;
  onRetry?: (event: RetryEvent) => void | Promise<void>;
  /** Merged over the agent's, header by header. */
  headers?: Record<string, string>;
  /**
   * Timeouts of each model call (not of the run); a number is `totalMs`. A first-chunk or idle timeout is
   * retried like a dropped connection, as long as nothing of the attempt reached the caller.
   */
  timeout?: RequestOptions['timeout'];
  /** Merged over the agent's, provider by provider. */
  providerOptions?: ProviderOptions;
  /**
   * OpenTelemetry spans and metrics for the run (GenAI semantic conventions); `true` uses the global
   * providers. Off by default, and then nothing is loaded or wrapped. The call's replaces the agent's.
   */
  telemetry?: TelemetryOptions | boolean;
  /**
   * The most steps a run takes; reaching it ends the run like a stop condition. Fantasy has no cap, so a
   * model that keeps calling tools loops forever; pass `Infinity` for that behaviour. @default 20
   */
  maxSteps?: number;
}

/** How an agent is set up. */
export interface AgentSettings extends AgentSharedOptions {
  system?: string;
  tools?: AgentTool[];
  /** Provider-defined tools (web search, computer use), sent after the function tools. */
  providerTools?: ProviderTool[];
  /** Sent on every model call; the provider's own User-Agent otherwise. */
  userAgent?: string;
  retry?: AgentRetryOptions;
}

/** One run of an agent. */
export interface AgentCall extends AgentSharedOptions {
  /** The user's message, appended after `messages`; may be empty when the last message is a user or tool one. */
  prompt?: string;
  /** Attached to the user message after the prompt text. */
  files?: FilePart[];
  /** Earlier conversation. */
  messages?: Message[];
  /** Names of the tools to offer (function and provider tools); empty means all. */
  activeTools?: string[];
  abortSignal?: AbortSignal;
}
