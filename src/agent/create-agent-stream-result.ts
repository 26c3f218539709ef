import type { AgentResult } from './agent-result.js';
import type { AgentStreamPart, AgentStreamResult } from './agent-stream-part.js';
import type { EmitPart } from './stream-agent.js';

/**
 * Wraps a run in the views of `AgentStreamResult`. Each getter call takes a new view; the run starts at
 * the first read or at the first access of `result`.
 */
export function createAgentStreamResult(start: (emit: EmitPart) => Promise<AgentResult>): AgentStreamResult {
  const fanOut = new PartFanOut(start);
  return {
    get fullStream() {
      return fanOut.subscribe();
    },
    get textStream() {
      const parts = fanOut.subscribe();
      return (async function* () {
        for await (const part of parts) if (part.type === 'text-delta') yield part.delta;
      })();
    },
    get result() {
      return fanOut.drain();
    },
  };
}

interface Subscriber {
  queue: AgentStreamPart[];
  /** Set while the reader waits for a part. */
  wake: (() => void) | undefined;
}

/**
 * Fans one run out to its readers without a tee: each subscriber queues only the parts it has not read,
 * and a view nobody took costs nothing. The run pauses after each part until some reader waits, unless
 * `drain()` was called. When the run ends or fails, every waiting reader wakes at once.
 */
class PartFanOut {
  private readonly subscribers = new Set<Subscriber>();
  private outcome: Promise<AgentResult> | undefined;
  private settled: { result: AgentResult } | { error: unknown } | undefined;
  private draining = false;
  private resumeRun: (() => void) | undefined;

  constructor(private readonly start: (emit: EmitPart) => Promise<AgentResult>) {}

  /** Runs to the end regardless of readers; the result of the run. */
  drain(): Promise<AgentResult> {
    this.draining = true;
    return this.demand();
  }

  /** A new view: every part emitted from now on. */
  subscribe(): AsyncIterable<AgentStreamPart> {
    const subscriber: Subscriber = { queue: [], wake: undefined };
    this.subscribers.add(subscriber);
    const fanOut = this;
    return {
      async *[Symbol.asyncIterator]() {
        try {
          yield* fanOut.read(subscriber);
        } finally {
          fanOut.subscribers.delete(subscriber);
        }
      },
    };
  }

  private async *read(subscriber: Subscriber): AsyncGenerator<AgentStreamPart> {
    while (true) {
      const part = subscriber.queue.shift();
      if (part !== undefined) yield part;
      else if (this.settled === undefined) await this.waitForPart(subscriber);
      else if ('error' in this.settled) throw this.settled.error;
      else return;
    }
  }

  private waitForPart(subscriber: Subscriber): Promise<void> {
    return new Promise((resolve) => {
      subscriber.wake = resolve;
      // Readers see a failure by throwing; keep the shared promise from reporting an unhandled rejection.
      this.demand().catch(() => {});
    });
  }

  private readonly emit: EmitPart = async (part) => {
    for (const subscriber of this.subscribers) {
      subscriber.queue.push(part);
      wake(subscriber);
    }
    while (!this.readerWaits()) await new Promise<void>((resolve) => (this.resumeRun = resolve));
  };

  private readerWaits(): boolean {
    if (this.draining) return true;
    // Per part, so no array copy of the subscribers.
    for (const subscriber of this.subscribers) if (subscriber.wake !== undefined) return true;
    return false;
  }

  private demand(): Promise<AgentResult> {
    const resume = this.resumeRun;
    this.resumeRun = undefined;
    resume?.();
    this.outcome ??= this.start(this.emit).then(
      (result) => this.settle({ result }),
      (error: unknown) => this.settle({ error }),
    );
    return this.outcome;
  }

  private settle(settled: { result: AgentResult } | { error: unknown }): AgentResult {
    this.settled = settled;
    for (const subscriber of this.subscribers) wake(subscriber);
    if ('error' in settled) throw settled.error;
    return settled.result;
  }
}

function wake(subscriber: Subscriber): void {
  const resolve = subscriber.wake;
  subscriber.wake = undefined;
  resolve?.();
}
