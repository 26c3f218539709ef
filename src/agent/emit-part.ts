import type { AgentStreamPart } from './agent-stream-part.js';

/**
 * Hands a part to the stream views. Returns a promise, resolved when a reader wants more, only when the
 * run must wait; `undefined` means go on. A fan-out that can let its only reader read a step's model stream
 * itself sets `readThrough`.
 */
export interface EmitPart {
  (part: AgentStreamPart): void | Promise<void>;
  readThrough?: ReadThrough;
}

/**
 * A fan-out's side of reading through: while a step's model stream is attached, a fan-out with one reader
 * lets that reader pull the stream directly, so a part costs the model stream's own promise and one
 * reaction instead of a hop through the run loop and another promise to the reader.
 */
export interface ReadThrough {
  /** The step's model stream, or `undefined` once the step stops reading it. */
  attach(source: DirectSource | undefined): void;
  /** True while the only reader may pull: not draining, one reader, and that reader is not waiting for an emit. */
  allowsDirect(): boolean;
}

/** A step's model stream, as the only reader pulls it. */
export interface DirectSource {
  /**
   * Reads, checks and hooks the next part and hands it to `reader.deliver`; when the stream ends or fails,
   * the run goes on by itself and the read is answered by `reader.next()`, which then waits for the run's
   * next emit. `undefined` when a read is already in flight or the stream is done.
   */
  pull<T>(reader: DirectReader<T>): Promise<IteratorResult<T>> | undefined;
  /** Something the run decides on changed (a reader came, went or waits; draining began): check again. */
  wake(): void;
}

/** A reader as a {@link DirectSource} answers it. */
export interface DirectReader<T> {
  /**
   * The part read through: the reader's view of it (or its next read, when the view skips the part).
   * `read` is the model stream's result holding `part`, handed on as it is when the view keeps the part.
   */
  deliver(
    part: AgentStreamPart,
    read?: IteratorResult<AgentStreamPart, never>,
  ): IteratorResult<T> | Promise<IteratorResult<T>>;
  /** The reader's next read, as its caller's `next()` would make it. */
  next(): Promise<IteratorResult<T>>;
}
