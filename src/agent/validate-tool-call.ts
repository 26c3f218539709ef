import { InvalidToolCallError } from '../errors/invalid-tool-call-error.js';
import type { ObjectIssue } from '../errors/no-object-generated-error.js';
import { maxJsonDepth } from '../json/max-json-depth.js';
import { measureJsonDepth } from '../json/measure-json-depth.js';
import { repairJson } from '../json/repair-json.js';
import type { ToolCallContent } from '../spec/content.js';
import type { RepairToolCallFunction } from './agent-options.js';
import type { StepPlan } from './plan-step.js';
import type { StepTool } from './select-tools.js';

/** A client tool call after validation: `input` is the validated value when the call is valid. */
export type CheckedToolCall =
  | { call: ToolCallContent; valid: true; input: unknown }
  | { call: ToolCallContent; valid: false };

/** What validation and repair of a step's tool calls use. */
export interface ToolCallValidationContext {
  plan: Pick<StepPlan, 'runnableTools' | 'tools' | 'system' | 'messages'>;
  repairToolCall: RepairToolCallFunction | undefined;
  abortSignal: AbortSignal | undefined;
}

/**
 * Validates a client tool call and repairs it when it fails: with the repair function when there is one,
 * else with `repairJson` on the input (up to 1 MiB: prose and fences around the object, comments, Python
 * literals, a cut-off end keeping the complete entries). A call that stays invalid is marked `invalid` with the
 * original error; the agent answers it with an error result so the model can correct itself.
 */
export async function validateAndRepairToolCall(
  call: ToolCallContent,
  context: ToolCallValidationContext,
): Promise<CheckedToolCall> {
  const checked = await checkToolCall(call, context.plan.runnableTools);
  if ('value' in checked) return { call, valid: true, input: checked.value };
  const repaired = await repairToolCall(call, checked.error, context);
  if (repaired !== undefined) {
    const recheck = await checkToolCall(repaired, context.plan.runnableTools);
    if ('value' in recheck) return { call: repaired, valid: true, input: recheck.value };
  }
  return { call: { ...call, invalid: true, validationError: checked.error }, valid: false };
}

/**
 * Checks that the tool exists in this step, that the input is a JSON object (blank input counts as `{}`),
 * that every required parameter is present, and, for function tools, that the tool's schema accepts it.
 */
export async function checkToolCall(
  call: ToolCallContent,
  tools: ReadonlyMap<string, StepTool>,
): Promise<{ value: unknown } | { error: InvalidToolCallError }> {
  const fail = (message: string, issues?: ObjectIssue[]) => ({
    error: new InvalidToolCallError({
      message,
      toolName: call.toolName,
      input: call.input,
      ...(issues && { issues }),
    }),
  });
  const stepTool = tools.get(call.toolName);
  if (stepTool === undefined) {
    return fail(`tool not found: ${call.toolName}. Available tools: ${[...tools.keys()].join(', ')}`);
  }
  const parsed = parseObject(call.input);
  if ('error' in parsed) return fail(`invalid JSON input: ${parsed.error}`);
  if (stepTool.type === 'executable-provider-defined') return { value: parsed.value };
  const missing = (stepTool.inputSchema.required ?? []).find((key) => !Object.hasOwn(parsed.value, key));
  if (missing !== undefined) return fail(`missing required parameter: ${missing}`);
  const validated = await stepTool.validate(parsed.value);
  if (validated.issues) return fail(`invalid input: ${formatIssues(validated.issues)}`, validated.issues);
  return { value: validated.value };
}

function parseObject(input: string): { value: Record<string, unknown> } | { error: string } {
  // Validation recurses per level: a hostile input that deep would overflow the stack, so it is refused here.
  if (measureJsonDepth(input) > maxJsonDepth)
    return { error: `the input nests deeper than ${maxJsonDepth} levels` };
  let value: unknown;
  try {
    value = JSON.parse(input.trim() === '' ? '{}' : input);
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    return { value: value as Record<string, unknown> };
  }
  return {
    error: `expected a JSON object, got ${value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value}`,
  };
}

function formatIssues(issues: readonly ObjectIssue[]): string {
  return issues.map((issue) => (issue.path ? `${issue.path}: ${issue.message}` : issue.message)).join('; ');
}

async function repairToolCall(
  call: ToolCallContent,
  validationError: InvalidToolCallError,
  context: ToolCallValidationContext,
): Promise<ToolCallContent | undefined> {
  if (context.repairToolCall === undefined) return repairInput(call);
  try {
    const repaired = await context.repairToolCall({
      originalToolCall: call,
      validationError,
      availableTools: context.plan.tools,
      systemPrompt: context.plan.system,
      messages: context.plan.messages,
      ...(context.abortSignal === undefined ? {} : { abortSignal: context.abortSignal }),
    });
    return repaired ?? undefined;
  } catch (error) {
    // A failed repair keeps the call invalid with its original error, unless the run was aborted.
    if (context.abortSignal?.aborted) throw error;
    return undefined;
  }
}

/** Tool input is an object: repair takes the first object in the text (the tool's own check follows). */
const toolInputShape = { type: 'object' } as const;

async function repairInput(call: ToolCallContent): Promise<ToolCallContent | undefined> {
  const input = await repairJson(call.input, { schema: toolInputShape });
  return input === undefined || input === call.input ? undefined : { ...call, input };
}
