import type { UIDataChunk } from './ui-message-chunk.js';

/** Writes `data-*` chunks into a UI message stream while the run streams. */
export interface UIDataWriter {
  /** Queues a chunk; it is sent before the run's next chunk. Writes after the stream ended are dropped. */
  write(chunk: UIDataChunk): void;
}

/** The reading side of a writer, used by `toUIMessageStream`. */
export interface UIDataChannel extends UIDataWriter {
  /** The chunks written since the last call. */
  take(): UIDataChunk[];
  /** Resolves at the next write (at once if chunks are waiting). */
  written(): Promise<void>;
}

/**
 * A writer for application data parts: create it before the run, hand it to tools or hooks, and pass it
 * as `data` to `toUIMessageStream`.
 *
 * @example
 * const data = createUIDataWriter();
 * const run = agent.stream({ messages, onToolCall: (call) => data.write({ type: 'data-status', data: call.toolName }) });
 * return toUIMessageStreamResponse(run, { data });
 */
export function createUIDataWriter(): UIDataWriter {
  let queue: UIDataChunk[] = [];
  let waiting: { promise: Promise<void>; resolve: () => void } | undefined;
  const channel: UIDataChannel = {
    write(chunk) {
      queue.push(chunk);
      waiting?.resolve();
      waiting = undefined;
    },
    take() {
      const taken = queue;
      queue = [];
      return taken;
    },
    written() {
      if (queue.length > 0) return Promise.resolve();
      if (waiting === undefined) {
        let resolve = () => {};
        const promise = new Promise<void>((done) => (resolve = done));
        waiting = { promise, resolve };
      }
      return waiting.promise;
    },
  };
  return channel;
}

/** The channel behind a writer made by `createUIDataWriter`. */
export function channelOf(writer: UIDataWriter): UIDataChannel {
  if (!('take' in writer && 'written' in writer)) {
    throw new TypeError('toUIMessageStream: `data` must come from createUIDataWriter()');
  }
  return writer as UIDataChannel;
}
