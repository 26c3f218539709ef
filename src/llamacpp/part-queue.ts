/**
 * An async iterable fed by `push`: parts pushed before the consumer asks are buffered, and the iterable ends
 * after `end`. `onCancel` runs when the consumer stops early (breaks out of its loop).
 */
export class PartQueue<T> implements AsyncIterable<T> {
  private readonly buffer: T[] = [];
  private wake: (() => void) | undefined;
  private ended = false;

  constructor(private readonly onCancel: () => void) {}

  push(part: T): void {
    this.buffer.push(part);
    this.wake?.();
  }

  end(): void {
    this.ended = true;
    this.wake?.();
  }

  async *[Symbol.asyncIterator](): AsyncIterator<T> {
    let finished = false;
    try {
      while (true) {
        const part = this.buffer.shift();
        if (part !== undefined) {
          yield part;
          continue;
        }
        if (this.ended) {
          finished = true;
          return;
        }
        await new Promise<void>((resolve) => {
          this.wake = resolve;
        });
        this.wake = undefined;
      }
    } finally {
      if (!finished) this.onCancel();
    }
  }
}
