import type { Content } from '../spec/content.js';
import type { FinishReason } from '../spec/finish-reason.js';
import type { StepResult } from './agent-result.js';

/**
 * Decides after each step whether the agent stops, given every step so far. Several conditions are
 * OR-ed. Stopping only ever ends a run early: a step without client tool calls always ends it.
 */
export type StopCondition = (steps: readonly StepResult[]) => boolean | Promise<boolean>;

/** Stops once `count` steps have run. */
export function stepCountIs(count: number): StopCondition {
  return (steps) => steps.length >= count;
}

/** Stops when the last step called the named tool (invalid and provider-executed calls count). */
export function hasToolCall(toolName: string): StopCondition {
  return (steps) =>
    steps.at(-1)?.content.some((part) => part.type === 'tool-call' && part.toolName === toolName) ?? false;
}

/** Stops when the last step produced content of the given type. */
export function hasContent(type: Content['type']): StopCondition {
  return (steps) => steps.at(-1)?.content.some((part) => part.type === type) ?? false;
}

/** Stops when the last step finished for the given reason. */
export function finishReasonIs(reason: FinishReason): StopCondition {
  return (steps) => steps.at(-1)?.finishReason === reason;
}

/** Stops once the steps' reported total tokens add up to at least `maxTokens`. */
export function maxTokensUsed(maxTokens: number): StopCondition {
  return (steps) => steps.reduce((sum, step) => sum + step.usage.totalTokens, 0) >= maxTokens;
}

/** True when any condition holds; conditions are checked in order and stop at the first true one. */
export async function isStopConditionMet(
  conditions: readonly StopCondition[],
  steps: readonly StepResult[],
): Promise<boolean> {
  for (const condition of conditions) if (await condition(steps)) return true;
  return false;
}
