import type { AgentResult } from './agent-result.js';
import type { AgentStreamPart } from './agent-stream-part.js';
import type { EmitPart } from './stream-agent.js';

/** What a view takes from a part: its value, or `undefined` to skip the part. */
export type SelectPart<T> = (part: AgentStreamPart) => T | undefined;

type Settled = { result: AgentResult } | { error: unknown };

/**
 * Fans one run out to its readers without a tee: each reader queues only the parts it has not read, and
 * a view nobody took costs nothing. The run goes at most one part ahead of the fastest reader (or to the
 * end once `drain()` was called). It attaches to the run's promise once; readers are woken by hand, so
 * a part costs its reader's own `next()` promise and nothing that outlives the read.
 */
export class PartFanOut {
  /** @internal read by readers */
  settled: Settled | undefined;
  private readonly readers = new Set<PartReader<unknown>>();
  private running: Promise<void> | undefined;
  private outcome: Promise<AgentResult> | undefined;
  private draining = false;
  private resumeRun: (() => void) | undefined;

  constructor(private readonly start: (emit: EmitPart) => Promise<AgentResult>) {}

  /** Runs to the end regardless of readers; the result of the run. */
  drain(): Promise<AgentResult> {
    this.draining = true;
    this.demand();
    this.outcome ??= (this.running as Promise<void>).then(() => unwrap(this.settled as Settled));
    return this.outcome;
  }

  /** A new view: every part emitted from now on, as `select` maps it. */
  subscribe<T>(select: SelectPart<T>): AsyncIterableIterator<T> {
    const reader = new PartReader(this, select);
    this.readers.add(reader as PartReader<unknown>);
    return reader;
  }

  /** Starts the run, or lets a paused run go on. */
  demand(): void {
    this.resume();
    this.running ??= this.start(this.emit).then(
      (result) => this.settle({ result }),
      (error: unknown) => this.settle({ error }),
    );
  }

  /** Lets a paused run check again whether it may go on. */
  resume(): void {
    const resume = this.resumeRun;
    this.resumeRun = undefined;
    resume?.();
  }

  /** @internal */
  remove(reader: PartReader<unknown>): void {
    this.readers.delete(reader);
  }

  private readonly emit: EmitPart = (part) => {
    for (const reader of this.readers) reader.push(part);
    return this.mayRun() ? undefined : this.pause();
  };

  private async pause(): Promise<void> {
    while (!this.mayRun()) await new Promise<void>((resolve) => (this.resumeRun = resolve));
  }

  /** True while draining or while some reader has nothing queued. Per part, so no array copy. */
  private mayRun(): boolean {
    if (this.draining) return true;
    for (const reader of this.readers) if (reader.queued === 0) return true;
    return false;
  }

  private settle(settled: Settled): void {
    this.settled = settled;
    for (const reader of this.readers) reader.wake();
  }
}

function unwrap(settled: Settled): AgentResult {
  if ('error' in settled) throw settled.error;
  return settled.result;
}

interface WaitingRead<T> {
  resolve(result: IteratorResult<T>): void;
  reject(error: unknown): void;
}

/** One view of a fan-out: an async iterator written by hand, so a part needs no generator machinery. */
class PartReader<T> implements AsyncIterableIterator<T> {
  private readonly queue: T[] = [];
  private waiting: WaitingRead<T> | undefined;
  private done = false;

  constructor(
    private readonly fanOut: PartFanOut,
    private readonly select: SelectPart<T>,
  ) {}

  [Symbol.asyncIterator](): this {
    return this;
  }

  get queued(): number {
    return this.queue.length;
  }

  next(): Promise<IteratorResult<T>> {
    if (this.waiting !== undefined) return this.afterWaiting();
    if (this.queue.length > 0) return Promise.resolve(this.take());
    if (this.done) return Promise.resolve({ done: true, value: undefined });
    const settled = this.fanOut.settled;
    if (settled !== undefined) return this.finish(settled);
    return new Promise((resolve, reject) => {
      this.waiting = { resolve, reject };
      this.fanOut.demand();
    });
  }

  return(): Promise<IteratorResult<T>> {
    this.close();
    this.queue.length = 0;
    const waiting = this.waiting;
    this.waiting = undefined;
    waiting?.resolve({ done: true, value: undefined });
    return Promise.resolve({ done: true, value: undefined });
  }

  /** Hands the part to a waiting read, or queues it. */
  push(part: AgentStreamPart): void {
    const value = this.select(part);
    if (value === undefined) return;
    const waiting = this.waiting;
    if (waiting === undefined) this.queue.push(value);
    else {
      this.waiting = undefined;
      waiting.resolve({ done: false, value });
    }
  }

  /** The run settled: a waiting read ends (or throws) now. */
  wake(): void {
    const waiting = this.waiting;
    const settled = this.fanOut.settled;
    if (waiting === undefined || settled === undefined) return;
    this.waiting = undefined;
    this.finish(settled).then(waiting.resolve, waiting.reject);
  }

  private take(): IteratorResult<T> {
    const value = this.queue.shift() as T;
    // The run pauses while every reader has a part queued; this one just emptied its queue.
    if (this.queue.length === 0) this.fanOut.resume();
    return { done: false, value };
  }

  private finish(settled: Settled): Promise<IteratorResult<T>> {
    this.close();
    if ('error' in settled) return Promise.reject(settled.error);
    return Promise.resolve({ done: true, value: undefined });
  }

  /** A second `next()` before the first settled: answered once the first is. */
  private afterWaiting(): Promise<IteratorResult<T>> {
    const first = this.waiting as WaitingRead<T>;
    return new Promise((resolve, reject) => {
      this.waiting = {
        resolve: (result) => {
          first.resolve(result);
          this.next().then(resolve, reject);
        },
        reject: (error) => {
          first.reject(error);
          this.next().then(resolve, reject);
        },
      };
    });
  }

  private close(): void {
    if (this.done) return;
    this.done = true;
    this.fanOut.remove(this as PartReader<unknown>);
  }
}
