import type { AgentResult } from './agent-result.js';
import type { AgentStreamPart } from './agent-stream-part.js';
import type { DirectReader, DirectSource, EmitPart, ReadThrough } from './emit-part.js';

/** What a view takes from a part: its value, or `undefined` to skip the part. */
export type SelectPart<T> = (part: AgentStreamPart) => T | undefined;

type Settled = { result: AgentResult } | { error: unknown };

/**
 * Fans one run out to its readers without a tee: each reader queues only the parts it has not read, and
 * a view nobody took costs nothing. The run goes at most one part ahead of the fastest reader (or to the
 * end once `drain()` was called). It attaches to the run's promise once; readers are woken by hand, so
 * a part costs its reader's own `next()` promise and nothing that outlives the read. With one reader and
 * a step's model stream attached (`ReadThrough`), that reader pulls the model stream itself: a part costs
 * the model stream's promise and one reaction, as reading the model stream directly does.
 */
export class PartFanOut implements ReadThrough {
  /** @internal read by readers */
  settled: Settled | undefined;
  /** An array, not a Set: iterated twice per part, changed only when a view starts or ends. */
  private readonly readers: PartReader<unknown>[] = [];
  private running: Promise<void> | undefined;
  private outcome: Promise<AgentResult> | undefined;
  private draining = false;
  private resumeRun: (() => void) | undefined;
  private source: DirectSource | undefined;

  constructor(private readonly start: (emit: EmitPart) => Promise<AgentResult>) {
    this.emit.readThrough = this;
  }

  attach(source: DirectSource | undefined): void {
    this.source = source;
  }

  allowsDirect(): boolean {
    return !this.draining && this.readers.length === 1 && !(this.readers[0] as PartReader<unknown>).parked;
  }

  /** @internal The only reader's read through the attached model stream, or `undefined` when it may not. */
  pullDirect<T>(reader: PartReader<T>): Promise<IteratorResult<T>> | undefined {
    return this.source !== undefined && this.allowsDirect() ? this.source.pull(reader) : undefined;
  }

  /** @internal A part read through by `reader` reaches the views that subscribed while it was read. */
  pushOthers(reader: PartReader<unknown>, part: AgentStreamPart): void {
    const readers = this.readers;
    for (let index = 0; index < readers.length; index += 1)
      if (readers[index] !== reader) readers[index]!.push(part);
  }

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
    this.readers.push(reader as PartReader<unknown>);
    this.source?.wake();
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

  /** Lets a paused run check again whether it may go on (or must read the model stream itself). */
  resume(): void {
    this.source?.wake();
    const resume = this.resumeRun;
    this.resumeRun = undefined;
    resume?.();
  }

  /** @internal */
  remove(reader: PartReader<unknown>): void {
    const index = this.readers.indexOf(reader);
    if (index >= 0) this.readers.splice(index, 1);
    this.source?.wake();
  }

  private readonly emit: EmitPart = (part: AgentStreamPart) => {
    const readers = this.readers;
    for (let index = 0; index < readers.length; index += 1) readers[index]!.push(part);
    return this.mayRun() ? undefined : this.pause();
  };

  private async pause(): Promise<void> {
    while (!this.mayRun()) await new Promise<void>((resolve) => (this.resumeRun = resolve));
  }

  /** True while draining or while some reader has nothing queued. Per part, so no array copy. */
  private mayRun(): boolean {
    if (this.draining) return true;
    const readers = this.readers;
    for (let index = 0; index < readers.length; index += 1) if (readers[index]!.queued === 0) return true;
    return false;
  }

  private settle(settled: Settled): void {
    this.settled = settled;
    for (const reader of [...this.readers]) reader.wake();
  }
}

function unwrap(settled: Settled): AgentResult {
  if ('error' in settled) throw settled.error;
  return settled.result;
}

/** One view of a fan-out: an async iterator written by hand, so a part needs no generator machinery. */
class PartReader<T> implements AsyncIterableIterator<T>, DirectReader<T> {
  private readonly queue: T[] = [];
  /** The pending read's settle functions, as two fields so a read allocates no object to hold them. */
  private resolveRead: ((result: IteratorResult<T>) => void) | undefined;
  private rejectRead: ((error: unknown) => void) | undefined;
  private done = false;
  /** The executor of every pending read, made once per reader rather than once per read. */
  private readonly park = (
    resolve: (result: IteratorResult<T>) => void,
    reject: (error: unknown) => void,
  ) => {
    this.resolveRead = resolve;
    this.rejectRead = reject;
  };

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

  /** A read is waiting for the run's next emit. */
  get parked(): boolean {
    return this.resolveRead !== undefined;
  }

  /** A queued part, the end, a read through the model stream, or else a read the run's next emit answers. */
  next(): Promise<IteratorResult<T>> {
    if (this.resolveRead !== undefined) return this.afterWaiting();
    if (this.queue.length > 0) return Promise.resolve(this.take());
    if (this.done) return Promise.resolve({ done: true, value: undefined });
    const settled = this.fanOut.settled;
    if (settled !== undefined) return this.finish(settled);
    const direct = this.fanOut.pullDirect(this);
    if (direct !== undefined) return direct;
    const read = new Promise(this.park);
    this.fanOut.demand();
    return read;
  }

  deliver(
    part: AgentStreamPart,
    read?: IteratorResult<AgentStreamPart, never>,
  ): IteratorResult<T> | Promise<IteratorResult<T>> {
    this.fanOut.pushOthers(this as PartReader<unknown>, part);
    if (this.done) return { done: true, value: undefined };
    const value = this.select(part);
    if (value === undefined) return this.next();
    return read !== undefined && (value as unknown) === part
      ? (read as IteratorResult<T, never>)
      : { done: false, value };
  }

  return(): Promise<IteratorResult<T>> {
    this.close();
    this.queue.length = 0;
    this.takeRead()?.resolve({ done: true, value: undefined });
    return Promise.resolve({ done: true, value: undefined });
  }

  /** Hands the part to a waiting read, or queues it. */
  push(part: AgentStreamPart): void {
    const value = this.select(part);
    if (value === undefined) return;
    const resolve = this.resolveRead;
    if (resolve === undefined) this.queue.push(value);
    else {
      this.resolveRead = undefined;
      this.rejectRead = undefined;
      resolve({ done: false, value });
    }
  }

  /** The run settled: a waiting read ends (or throws) now. */
  wake(): void {
    const settled = this.fanOut.settled;
    if (this.resolveRead === undefined || settled === undefined) return;
    const read = this.takeRead() as PendingRead<T>;
    this.finish(settled).then(read.resolve, read.reject);
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

  /** The pending read, cleared. */
  private takeRead(): PendingRead<T> | undefined {
    const resolve = this.resolveRead;
    const reject = this.rejectRead;
    this.resolveRead = undefined;
    this.rejectRead = undefined;
    return resolve === undefined || reject === undefined ? undefined : { resolve, reject };
  }

  /** A second `next()` before the first settled: answered once the first is. */
  private afterWaiting(): Promise<IteratorResult<T>> {
    const first = this.takeRead() as PendingRead<T>;
    return new Promise((resolve, reject) => {
      this.resolveRead = (result) => {
        first.resolve(result);
        this.next().then(resolve, reject);
      };
      this.rejectRead = (error) => {
        first.reject(error);
        this.next().then(resolve, reject);
      };
    });
  }

  private close(): void {
    if (this.done) return;
    this.done = true;
    this.fanOut.remove(this as PartReader<unknown>);
  }
}

interface PendingRead<T> {
  resolve(result: IteratorResult<T>): void;
  reject(error: unknown): void;
}
