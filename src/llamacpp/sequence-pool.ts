/**
 * A fixed set of resources (context sequences) lent to one call at a time; callers beyond the set wait in
 * FIFO order. `close` fails the waiting callers and every later `acquire`.
 */
export class SequencePool<T> {
  private readonly free: T[];
  private readonly waiting: { resolve: (item: T) => void; reject: (error: unknown) => void }[] = [];
  private closed: unknown;

  constructor(items: readonly T[]) {
    this.free = [...items];
  }

  /** Waits for a free item; rejects when the pool is closed or `signal` aborts first. */
  acquire(signal?: AbortSignal): Promise<T> {
    if (this.closed !== undefined) return Promise.reject(this.closed);
    if (signal?.aborted) return Promise.reject(signal.reason);
    const item = this.free.shift();
    if (item !== undefined) return Promise.resolve(item);
    return new Promise<T>((resolve, reject) => {
      const waiter = {
        resolve: (value: T) => {
          signal?.removeEventListener('abort', onAbort);
          resolve(value);
        },
        reject,
      };
      const onAbort = () => {
        const index = this.waiting.indexOf(waiter);
        if (index >= 0) this.waiting.splice(index, 1);
        reject(signal?.reason);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.waiting.push(waiter);
    });
  }

  /** Returns an item, handing it to the next waiter if there is one. */
  release(item: T): void {
    const next = this.waiting.shift();
    if (next) next.resolve(item);
    else this.free.push(item);
  }

  /** Fails every waiter and later acquire with `error`. */
  close(error: unknown): void {
    this.closed = error;
    for (const waiter of this.waiting.splice(0)) waiter.reject(error);
  }
}
