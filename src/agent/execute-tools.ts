import type { ToolResultContent } from '../spec/content.js';
import type { Message } from '../spec/message.js';
import type { StepTool } from './select-tools.js';
import { toErrorResult, toToolResult } from './to-tool-result.js';
import { toToolResponse } from './tool-response.js';
import type { CheckedToolCall } from './validate-tool-call.js';

/** Parallel tools running at once, at most (as in Fantasy). */
export const maxParallelTools = 5;

/** What running a step's tools needs. */
export interface ExecuteToolsOptions {
  /** The step's client tool calls, in call order. */
  calls: readonly CheckedToolCall[];
  tools: ReadonlyMap<string, StepTool>;
  /** The step's prompt, passed to each tool. */
  messages: Message[];
  abortSignal: AbortSignal | undefined;
  /** Called with each result as it completes. */
  onResult?: ((result: ToolResultContent) => Promise<void>) | undefined;
}

/**
 * Runs a step's tools in call order. Sequential tools run one at a time; a parallel tool starts and the
 * walk goes on, with at most 5 in flight (a sixth waits for a slot). Invalid calls get their validation
 * error as result without running. Results come back in call order; `onResult` sees completion order.
 */
export async function executeTools(options: ExecuteToolsOptions): Promise<ToolResultContent[]> {
  const results: ToolResultContent[] = [];
  const inFlight = new Set<Promise<void>>();
  const state: { failure?: { error: unknown } } = {};
  const settle = async (index: number, checked: CheckedToolCall, stepTool: StepTool | undefined) => {
    const result = await runTool(checked, stepTool, options);
    options.abortSignal?.throwIfAborted();
    results[index] = result;
    await options.onResult?.(result);
  };
  for (const [index, checked] of options.calls.entries()) {
    const stepTool = checked.valid ? options.tools.get(checked.call.toolName) : undefined;
    if (stepTool?.type === 'function' && stepTool.parallel) {
      while (inFlight.size >= maxParallelTools) await Promise.race(inFlight);
      const task: Promise<void> = settle(index, checked, stepTool)
        .catch((error: unknown) => {
          state.failure ??= { error };
        })
        .finally(() => inFlight.delete(task));
      inFlight.add(task);
    } else {
      await settle(index, checked, stepTool);
    }
    if (state.failure) throw state.failure.error;
  }
  await Promise.all(inFlight);
  if (state.failure) throw state.failure.error;
  return results;
}

/**
 * Runs one tool. A throw becomes an error result naming the tool (like Fantasy's recovered panics, never
 * a run-ending "critical" error), except when the run was aborted: then the abort propagates.
 */
async function runTool(
  checked: CheckedToolCall,
  stepTool: StepTool | undefined,
  options: ExecuteToolsOptions,
): Promise<ToolResultContent> {
  const { call } = checked;
  if (!checked.valid) return toErrorResult(call, call.validationError?.message ?? 'invalid tool call');
  if (stepTool === undefined) return toErrorResult(call, `tool not found: ${call.toolName}`);
  const executeOptions = {
    toolCallId: call.toolCallId,
    messages: options.messages,
    ...(options.abortSignal === undefined ? {} : { abortSignal: options.abortSignal }),
  };
  try {
    const outcome =
      stepTool.type === 'function'
        ? await stepTool.execute(checked.input, executeOptions)
        : await stepTool.execute(checked.input as Record<string, unknown>, executeOptions);
    return toToolResult(call, toToolResponse(outcome));
  } catch (error) {
    if (options.abortSignal?.aborted) throw options.abortSignal.reason;
    const message = error instanceof Error ? error.message : String(error);
    return toErrorResult(call, `tool "${call.toolName}" failed: ${message}`);
  }
}
