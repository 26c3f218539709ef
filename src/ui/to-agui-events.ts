import type { Usage } from '../spec/usage.js';
import { type AGUIEvent, type AGUITokenUsage, aguiProtocolVersion } from './agui-event.js';
import { AGUIEventMapper } from './agui-event-mapper.js';
import { isAbortError } from './is-abort-error.js';
import { partsOf, type UIStreamSource } from './ui-stream-source.js';

/** Which run the events belong to, and how failures are reported. */
export interface AGUIEventsOptions {
  threadId: string;
  runId: string;
  /** The RUN_ERROR message for a failed run; the default hides the error unless `exposeErrors` is set. */
  onError?: (error: unknown) => string;
  /** @default false */
  exposeErrors?: boolean;
  /** Aborted when the reader stops early; pass its signal to the run. */
  abortController?: AbortController;
}

/**
 * An agent run (or a model stream) as AG-UI events: RUN_STARTED, STEP_STARTED/FINISHED per step,
 * TEXT_MESSAGE_*, REASONING_* (provider metadata as REASONING_ENCRYPTED_VALUE), TOOL_CALL_START/ARGS/END and
 * TOOL_CALL_RESULT, then RUN_FINISHED (with usage; an `interrupt` outcome for approval requests, `cancelled`
 * for an abort) or RUN_ERROR.
 *
 * @example
 * const input = fromAGUIInput(await request.json());
 * const run = agent.stream({ messages: input.messages, abortSignal: request.signal });
 * for await (const event of toAGUIEvents(run, input)) console.log(event.type);
 */
export async function* toAGUIEvents(
  source: UIStreamSource,
  options: AGUIEventsOptions,
): AsyncGenerator<AGUIEvent> {
  const { threadId, runId } = options;
  const mapper = new AGUIEventMapper(runId);
  let ended = false;
  try {
    yield { type: 'RUN_STARTED', threadId, runId, protocolVersion: aguiProtocolVersion };
    try {
      for await (const part of await partsOf(source)) yield* mapper.map(part);
    } catch (error) {
      ended = true;
      if (isAbortError(error, options.abortController?.signal)) {
        yield { type: 'RUN_FINISHED', threadId, runId, outcome: { type: 'cancelled' } };
      } else yield { type: 'RUN_ERROR', message: errorMessageOf(options, error) };
      return;
    }
    ended = true;
    mapper.out.length = 0;
    mapper.closeStep();
    yield* mapper.out;
    yield {
      type: 'RUN_FINISHED',
      threadId,
      runId,
      outcome:
        mapper.interrupts.length > 0
          ? { type: 'interrupt', interrupts: mapper.interrupts }
          : { type: 'success' },
      usage: [toAGUIUsage(mapper.usage)],
    };
  } finally {
    if (!ended) options.abortController?.abort();
  }
}

/** Fantasy counts uncached input apart from cache reads and writes; AG-UI's input total includes them. */
function toAGUIUsage(usage: Usage): AGUITokenUsage {
  const inputTokens = usage.inputTokens + usage.cacheReadTokens + usage.cacheCreationTokens;
  return {
    inputTokens,
    outputTokens: usage.outputTokens,
    totalTokens: inputTokens + usage.outputTokens,
    reasoningTokens: usage.reasoningTokens,
    cachedInputTokens: usage.cacheReadTokens,
    cacheWriteInputTokens: usage.cacheCreationTokens,
  };
}

function errorMessageOf(options: AGUIEventsOptions, error: unknown): string {
  if (options.onError !== undefined) return options.onError(error);
  if (options.exposeErrors === true) return error instanceof Error ? error.message : String(error);
  return 'An error occurred.';
}
