import type { Usage } from '../spec/usage.js';
import type { UIDataWriter } from './create-ui-data-writer.js';
import type { UIMessage } from './ui-message.js';
import type { UIFinishReason } from './ui-message-chunk.js';

/** When `messageMetadata` is asked, and what is known at that point. */
export type UIMessageMetadataEvent =
  | { type: 'start' }
  | { type: 'finish-step'; finishReason: UIFinishReason; usage: Usage }
  | { type: 'finish'; finishReason: UIFinishReason; usage: Usage };

/** How an agent run becomes a UI message stream. */
export interface UIMessageStreamOptions {
  /**
   * The messages the page posted. The last assistant message's id is reused (a run resumed after an
   * approval continues that message), and calls the user denied are reported as `tool-output-denied`.
   */
  originalMessages?: readonly UIMessage[];
  /** The id of the assistant message; wins over `originalMessages`. Unset, the page picks one. */
  messageId?: string;
  /** @default true */
  sendReasoning?: boolean;
  /** @default false (as in the AI SDK) */
  sendSources?: boolean;
  /** Tool parts as `dynamic-tool` instead of `tool-<name>`. @default false */
  dynamicTools?: boolean;
  /**
   * Metadata of the message: in `start`, as `message-metadata` after each step, and in `finish`. Return
   * `undefined` to send none. @default `{ finishReason, usage }` after each step and at the finish
   */
  messageMetadata?: (event: UIMessageMetadataEvent) => unknown;
  /**
   * The text of the `error` chunk for a failed run. The default hides the error (it may name hosts, keys'
   * environment variables or internals) unless `exposeErrors` is set.
   */
  onError?: (error: unknown) => string;
  /** Send `error.message` to the page. @default false */
  exposeErrors?: boolean;
  /** `data-*` chunks the application writes while the run streams (from tools or hooks). */
  data?: UIDataWriter;
  /**
   * Aborted when the reader stops early (the browser called `stop()` or went away). Pass its signal to
   * `agent.stream({ abortSignal })` so the model request is cancelled and no further tool starts.
   */
  abortController?: AbortController;
}
