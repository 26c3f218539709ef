import { FantasyError } from '../errors/fantasy-error.js';
import type { Content } from '../spec/content.js';
import type { GenerateResponse } from '../spec/generate-result.js';
import type { StreamPart } from '../spec/stream-part.js';
import { emptyUsage } from '../spec/usage.js';
import type { AgentStreamCallbacks } from './agent-stream-part.js';
import type { DirectReader, DirectSource, EmitPart, ReadThrough } from './emit-part.js';
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
  emit: EmitPart;
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
export function consumeStepStream(
  parts: AsyncIterable<StreamPart>,
  context: StepStreamContext,
): Promise<StreamedStep> {
  return new StepStream(parts[Symbol.asyncIterator](), context).run();
}

type Outcome = { done: true } | { error: unknown };

/**
 * One attempt's model stream, read by whoever wants the next part: the only reader of the fan-out pulls it
 * directly (one reaction per part, see `ReadThrough`), otherwise the run loop reads it and emits each part.
 * Either way a part goes through the same checks and hooks, one part at a time (`busy`).
 */
class StepStream implements DirectSource {
  private readonly state: StepStreamState = createStepStreamState();
  private readonly calls: CheckedToolCall[] = [];
  private readonly readThrough: ReadThrough | undefined;
  private outcome: Outcome | undefined;
  /** A part is being read or handled; nobody else may read until it is handed on. */
  private busy = false;
  private delivered = false;
  /** The reader of the direct read in flight. */
  private reader: DirectReader<unknown> | undefined;
  private wakeRun: (() => void) | undefined;

  constructor(
    private readonly iterator: AsyncIterator<StreamPart>,
    private readonly context: StepStreamContext,
  ) {
    this.readThrough = context.emit.readThrough;
  }

  async run(): Promise<StreamedStep> {
    const { abortSignal } = this.context;
    this.readThrough?.attach(this);
    try {
      while (this.outcome === undefined) {
        if (this.busy || this.readThrough?.allowsDirect() === true)
          await raceAbort(this.change(), abortSignal);
        else await this.readAndEmit();
      }
    } finally {
      this.readThrough?.attach(undefined);
      // Stop the model stream when we leave early; its own cleanup may be pending, so it is not awaited.
      if (this.outcome === undefined || 'error' in this.outcome) this.iterator.return?.()?.catch(() => {});
    }
    if ('error' in this.outcome) throw this.outcome.error;
    return { response: toResponse(this.state), calls: this.calls };
  }

  pull<T>(reader: DirectReader<T>): Promise<IteratorResult<T>> | undefined {
    if (this.busy || this.outcome !== undefined) return undefined;
    this.busy = true;
    this.reader = reader as DirectReader<unknown>;
    let next: Promise<IteratorResult<StreamPart>>;
    try {
      next = this.iterator.next();
    } catch (error) {
      // A hand-written stream that throws instead of rejecting fails the step, as it does in the run loop.
      return this.onDirectFailure(error) as Promise<IteratorResult<T>>;
    }
    return raceAbort(next, this.context.abortSignal).then(this.onDirectNext, this.onDirectFailure) as Promise<
      IteratorResult<T>
    >;
  }

  wake(): void {
    const wakeRun = this.wakeRun;
    this.wakeRun = undefined;
    wakeRun?.();
  }

  /** The run loop's own read: one part, emitted with the fan-out's back-pressure. */
  private async readAndEmit(): Promise<void> {
    this.busy = true;
    try {
      const part = this.accept(await raceAbort(this.iterator.next(), this.context.abortSignal));
      if (part === undefined) return;
      const handled = this.handle(part);
      const emitted = this.context.emit(handled instanceof Promise ? await handled : handled);
      if (emitted !== undefined) await emitted;
    } catch (error) {
      this.settle({ error });
    } finally {
      this.busy = false;
    }
  }

  private readonly onDirectNext = (next: IteratorResult<StreamPart>) => {
    try {
      const part = this.accept(next);
      if (part === undefined) return this.idle().next();
      const handled = this.handle(part);
      if (handled instanceof Promise) return handled.then(this.deliverDirect, this.onDirectFailure);
      // The model's own result object goes on when the view keeps the part as it is (`fullStream`).
      return this.idle().deliver(
        handled,
        handled === part ? (next as IteratorResult<ModelPart, never>) : undefined,
      );
    } catch (error) {
      return this.onDirectFailure(error);
    }
  };

  private readonly deliverDirect = (part: ModelPart) => this.idle().deliver(part);

  private readonly onDirectFailure = (error: unknown) => {
    this.settle({ error });
    return this.idle().next();
  };

  /** The direct read is done: others may read again; the run takes over if the reader cannot. */
  private idle(): DirectReader<unknown> {
    this.busy = false;
    if (this.wakeRun !== undefined && this.readThrough?.allowsDirect() !== true) this.wake();
    return this.reader as DirectReader<unknown>;
  }

  /** The part to hand on, or `undefined` at the end; an `error` part throws its error. */
  private accept(next: IteratorResult<StreamPart>): ModelPart | undefined {
    if (next.done) {
      this.settle({ done: true });
      return undefined;
    }
    if (next.value.type === 'error') throw toStreamError(next.value.error);
    return next.value;
  }

  /** Checks a client tool call and calls the part's hooks; a promise only when one of them returned one. */
  private handle(part: ModelPart): ModelPart | Promise<ModelPart> {
    if (!needsValidation(part)) return this.callHooks(part);
    return validatePart(part, this.calls, this.context.validation).then((checked) => this.callHooks(checked));
  }

  private callHooks(part: ModelPart): ModelPart | Promise<ModelPart> {
    if (!this.delivered) this.context.attempt.delivered = this.delivered = true;
    const { callbacks } = this.context;
    const chunkHook = callbacks.onChunk?.(part);
    if (chunkHook !== undefined) return Promise.resolve(chunkHook).then(() => this.callPartHook(part));
    return this.callPartHook(part);
  }

  private callPartHook(part: ModelPart): ModelPart | Promise<ModelPart> {
    const partHook = handleStepStreamPart(this.state, part, this.context.callbacks);
    return partHook === undefined ? part : Promise.resolve(partHook).then(() => part);
  }

  private settle(outcome: Outcome): void {
    this.outcome ??= outcome;
    this.wake();
  }

  private change(): Promise<void> {
    return new Promise((resolve) => (this.wakeRun = resolve));
  }
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
