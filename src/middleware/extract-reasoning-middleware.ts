import type { Content } from '../spec/content.js';
import type { StreamPart } from '../spec/stream-part.js';
import type { LanguageModelMiddleware } from './language-model-middleware.js';
import { type TaggedSegment, TaggedTextSplitter } from './split-tagged-text.js';

/** What `extractReasoningMiddleware` needs. */
export interface ExtractReasoningOptions {
  /** The tag around the reasoning, without brackets, e.g. `think`. */
  tagName: string;
  /** The text starts inside the tag (servers that strip the opening tag, as some DeepSeek R1 hosts do). @default false */
  startWithReasoning?: boolean;
}

/**
 * Turns `<think>…</think>` in the text of open models into reasoning: in `generate`, reasoning content
 * before or between the text; in `stream`, reasoning parts, with tags split across chunks handled.
 *
 * @example
 * const model = wrapLanguageModel({ model: local, middleware: extractReasoningMiddleware({ tagName: 'think' }) });
 */
export function extractReasoningMiddleware(options: ExtractReasoningOptions): LanguageModelMiddleware {
  const splitter = () =>
    new TaggedTextSplitter({ tagName: options.tagName, startInside: options.startWithReasoning ?? false });
  return {
    async wrapGenerate({ doGenerate }) {
      const result = await doGenerate();
      const content = result.content.flatMap((part) =>
        part.type === 'text' ? splitContent(part, splitter()) : [part],
      );
      const text = content.flatMap((part) => (part.type === 'text' ? [part.text] : [])).join('');
      const reasoningText = content
        .flatMap((part) => (part.type === 'reasoning' ? [part.text] : []))
        .join('');
      return { ...result, content, text, reasoningText };
    },
    async wrapStream({ doStream }) {
      return extractFromStream(await doStream(), splitter);
    },
  };
}

function splitContent(part: Extract<Content, { type: 'text' }>, splitter: TaggedTextSplitter): Content[] {
  const segments = [...splitter.push(part.text), ...splitter.end()];
  return segments.map((segment) =>
    segment.kind === 'text' ? { ...part, text: segment.text } : { type: 'reasoning', text: segment.text },
  );
}

/** Per text block: its splitter, whether its text part was started, and the open reasoning block. */
interface BlockState {
  splitter: TaggedTextSplitter;
  textStarted: boolean;
  reasoningId: string | undefined;
  reasoningCount: number;
}

async function* extractFromStream(
  source: AsyncIterable<StreamPart>,
  createSplitter: () => TaggedTextSplitter,
): AsyncIterable<StreamPart> {
  const blocks = new Map<string, BlockState>();
  for await (const part of source) {
    if (part.type === 'text-start') {
      blocks.set(part.id, {
        splitter: createSplitter(),
        textStarted: false,
        reasoningId: undefined,
        reasoningCount: 0,
      });
    } else if (part.type === 'text-delta') {
      const block = blocks.get(part.id);
      if (block === undefined) yield part;
      else yield* emitSegments(part.id, block, block.splitter.push(part.delta));
    } else if (part.type === 'text-end') {
      const block = blocks.get(part.id);
      if (block === undefined) {
        yield part;
        continue;
      }
      yield* emitSegments(part.id, block, block.splitter.end());
      if (block.reasoningId !== undefined) yield { type: 'reasoning-end', id: block.reasoningId };
      if (block.textStarted) yield part;
      blocks.delete(part.id);
    } else {
      yield part;
    }
  }
}

function* emitSegments(id: string, block: BlockState, segments: TaggedSegment[]): Iterable<StreamPart> {
  for (const segment of segments) {
    if (segment.kind === 'reasoning') {
      if (block.reasoningId === undefined) {
        block.reasoningId = `${id}-reasoning-${block.reasoningCount++}`;
        yield { type: 'reasoning-start', id: block.reasoningId };
      }
      yield { type: 'reasoning-delta', id: block.reasoningId, delta: segment.text };
      continue;
    }
    if (block.reasoningId !== undefined) {
      yield { type: 'reasoning-end', id: block.reasoningId };
      block.reasoningId = undefined;
    }
    if (!block.textStarted) {
      block.textStarted = true;
      yield { type: 'text-start', id };
    }
    yield { type: 'text-delta', id, delta: segment.text };
  }
}
