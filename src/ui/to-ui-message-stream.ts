import { channelOf, type UIDataChannel } from './create-ui-data-writer.js';
import { isAbortError } from './is-abort-error.js';
import { UIChunkMapper } from './ui-chunk-mapper.js';
import type { UIMessage } from './ui-message.js';
import type { UIMessageChunk } from './ui-message-chunk.js';
import type { UIMessageStreamOptions } from './ui-message-stream-options.js';
import { partsOf, type UISourcePart, type UIStreamSource } from './ui-stream-source.js';

/**
 * An agent run (or a model stream) as AI SDK UI message chunks: one `start`, the steps as
 * `start-step`…`finish-step`, text, reasoning, tool input and output, approval requests, sources and files,
 * and one terminal chunk: `finish` (after an `error` chunk if the run failed) or `abort`.
 *
 * @example
 * const run = agent.stream({ messages: fromUIMessages(body.messages), abortSignal: request.signal });
 * for await (const chunk of toUIMessageStream(run)) console.log(chunk.type);
 */
export async function* toUIMessageStream(
  source: UIStreamSource,
  options: UIMessageStreamOptions = {},
): AsyncGenerator<UIMessageChunk> {
  const mapper = new UIChunkMapper(options, deniedCallsOf(options.originalMessages));
  let ended = false;
  try {
    yield startChunk(mapper, options);
    try {
      const parts = await partsOf(source);
      const data = options.data === undefined ? undefined : channelOf(options.data);
      yield* data === undefined ? mapParts(parts, mapper) : mapPartsWithData(parts, mapper, data);
    } catch (error) {
      ended = true;
      yield* failure(mapper, options, error);
      return;
    }
    ended = true;
    yield* finishChunks(mapper);
  } finally {
    // The reader stopped before the end: the browser is gone, so the run must stop too.
    if (!ended) options.abortController?.abort();
  }
}

async function* mapParts(parts: AsyncIterable<UISourcePart>, mapper: UIChunkMapper) {
  for await (const part of parts) yield* mapper.map(part);
}

/** Interleaves the application's data chunks with the run's, sending each as soon as it is written. */
async function* mapPartsWithData(
  parts: AsyncIterable<UISourcePart>,
  mapper: UIChunkMapper,
  data: UIDataChannel,
): AsyncGenerator<UIMessageChunk> {
  const iterator = parts[Symbol.asyncIterator]();
  try {
    let next = iterator.next();
    while (true) {
      const winner = await Promise.race([next, data.written().then(() => undefined)]);
      yield* data.take();
      if (winner === undefined) continue;
      if (winner.done) return;
      yield* mapper.map(winner.value);
      next = iterator.next();
    }
  } finally {
    yield* data.take();
    await iterator.return?.();
  }
}

function startChunk(mapper: UIChunkMapper, options: UIMessageStreamOptions): UIMessageChunk {
  const messageId = options.messageId ?? lastAssistantId(options.originalMessages);
  const metadata = mapper.metadata({ type: 'start' });
  return {
    type: 'start',
    ...(messageId === undefined ? {} : { messageId }),
    ...(metadata === undefined ? {} : { messageMetadata: metadata }),
  };
}

function* finishChunks(mapper: UIChunkMapper): Generator<UIMessageChunk> {
  mapper.out.length = 0;
  mapper.closeStep();
  yield* mapper.out;
  const metadata = mapper.metadata({
    type: 'finish',
    finishReason: mapper.finishReason,
    usage: mapper.usage,
  });
  yield {
    type: 'finish',
    finishReason: mapper.finishReason,
    ...(metadata === undefined ? {} : { messageMetadata: metadata }),
  };
}

function* failure(mapper: UIChunkMapper, options: UIMessageStreamOptions, error: unknown) {
  if (isAbortError(error, options.abortController?.signal)) {
    yield { type: 'abort', reason: 'aborted' } satisfies UIMessageChunk;
    return;
  }
  yield { type: 'error', errorText: errorTextOf(options, error) } satisfies UIMessageChunk;
  mapper.finishReason = 'error';
  yield* finishChunks(mapper);
}

function errorTextOf(options: UIMessageStreamOptions, error: unknown): string {
  if (options.onError !== undefined) return options.onError(error);
  if (options.exposeErrors === true) return error instanceof Error ? error.message : String(error);
  return 'An error occurred.';
}

function lastAssistantId(messages: readonly UIMessage[] | undefined): string | undefined {
  const last = messages?.at(-1);
  return last?.role === 'assistant' ? last.id : undefined;
}

/** Tool calls the user denied in the posted messages: their results are shown as denied. */
function deniedCallsOf(messages: readonly UIMessage[] | undefined): ReadonlySet<string> {
  const denied = new Set<string>();
  const last = messages?.at(-1);
  if (last?.role !== 'assistant') return denied;
  for (const part of last.parts) {
    if ('approval' in part && part.approval?.approved === false) denied.add(part.toolCallId);
  }
  return denied;
}
