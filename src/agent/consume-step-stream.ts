import { FantasyError } from '../errors/fantasy-error.js';
import type { Content } from '../spec/content.js';
import type { GenerateResponse } from '../spec/generate-result.js';
import type { StreamPart } from '../spec/stream-part.js';
import { emptyUsage } from '../spec/usage.js';
import type { AgentStreamCallbacks, AgentStreamPart } from './agent-stream-part.js';
import { raceAbort } from './race-abort.js';
import {
  createStepStreamState,
  handleStepStreamPart,
  type ModelPart,
  type StepStreamState,
} from './step-stream-handlers.js';
import {
  type CheckedToolCall,
  type ToolCallValidationContext,
  validateAndRepairToolCall,
} from './validate-tool-call.js';

/** What one attempt of a streamed step needs. */
export interface StepStreamContext {
  validation: ToolCallValidationContext;
  callbacks: AgentStreamCallbacks;
  /** Returns a promise only when the run must wait for a reader. */
  emit: (part: AgentStreamPart) => void | Promise<void>;
  abortSignal: AbortSignal | undefined;
  /** Set once the first part reached the caller: from then on the attempt may not be retried. */
  attempt: { delivered: boolean };
}

/** A streamed step's model response and its client tool calls, validated. */
export interface StreamedStep {
  response: GenerateResponse;
  calls: CheckedToolCall[];
}

/**
 * Reads one model stream to its end, handing each part to `onChunk`, its specific hook and the stream
 * views, in that order. Client tool calls are validated (and repaired) before they are handed on. An
 * `error` part fails the step with its error.
 */
export async function consumeStepStream(
  parts: AsyncIterable<StreamPart>,
  context: StepStreamContext,
): Promise<StreamedStep> {
  const state = createStepStreamState();
  const calls: CheckedToolCall[] = [];
  const iterator = parts[Symbol.asyncIterator]();
  let done = false;
  try {
    while (true) {
      const next = await raceAbort(iterator.next(), context.abortSignal);
      if (next.done) break;
      if (next.value.type === 'error') throw toStreamError(next.value.error);
      const part = needsValidation(next.value)
        ? await validatePart(next.value, calls, context.validation)
        : next.value;
      context.attempt.delivered = true;
      // Each step awaits only what returned a promise: a sync hook or a reader already waiting costs no tick.
      const chunkHook = context.callbacks.onChunk?.(part);
      if (chunkHook !== undefined) await chunkHook;
      const partHook = handleStepStreamPart(state, part, context.callbacks);
      if (partHook !== undefined) await partHook;
      const emitted = context.emit(part);
      if (emitted !== undefined) await emitted;
    }
    done = true;
  } finally {
    // Stop the model stream when we leave early; its own cleanup may be pending, so it is not awaited.
    if (!done) iterator.return?.()?.catch(() => {});
  }
  return { response: toResponse(state), calls };
}

function needsValidation(part: ModelPart): part is Extract<ModelPart, { type: 'tool-call' }> {
  return part.type === 'tool-call' && part.providerExecuted !== true;
}

async function validatePart(
  part: Extract<ModelPart, { type: 'tool-call' }>,
  calls: CheckedToolCall[],
  validation: ToolCallValidationContext,
): Promise<ModelPart> {
  const checked = await validateAndRepairToolCall(part, validation);
  calls.push(checked);
  return checked.call;
}

function toResponse(state: StepStreamState): GenerateResponse {
  const content: Content[] = state.content;
  return {
    content,
    finishReason: state.finish?.finishReason ?? 'unknown',
    usage: state.finish?.usage ?? emptyUsage(),
    warnings: state.warnings,
    ...(state.finish?.providerMetadata === undefined
      ? {}
      : { providerMetadata: state.finish.providerMetadata }),
  };
}

function toStreamError(error: unknown): unknown {
  if (error !== undefined && error !== null) return error;
  return new FantasyError('the model stream reported an error without details');
}
