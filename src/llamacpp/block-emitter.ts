import { TaggedTextSplitter } from '../middleware/split-tagged-text.js';
import type { Content } from '../spec/content.js';
import type { StreamPart } from '../spec/stream-part.js';

/**
 * Turns sampled chunks into text and reasoning blocks, emitting `*-start`/`*-delta`/`*-end` parts; in
 * forced-tool mode the sampled text is the call itself and stays out of the content. Text outside grammars is
 * split at `<think>` tags, for models whose chat wrapper does not segment their reasoning.
 */
export class BlockEmitter {
  private readonly content: Content[] = [];
  private open: { kind: 'text' | 'reasoning'; id: string; text: string } | undefined;
  private counter = 0;
  private readonly silent: boolean;
  private readonly splitter: TaggedTextSplitter | undefined;

  constructor(
    private readonly emit: (part: StreamPart) => void,
    options: { silent: boolean; splitThinkTags: boolean },
  ) {
    this.silent = options.silent;
    this.splitter = options.splitThinkTags ? new TaggedTextSplitter({ tagName: 'think' }) : undefined;
  }

  nextId(prefix: string): string {
    this.counter += 1;
    return `${prefix}_${this.counter}`;
  }

  /** One sampled chunk: a reasoning segment of the chat wrapper, or text (split at `<think>` tags). */
  chunk(reasoning: boolean, text: string): void {
    if (this.silent || text === '') return;
    if (reasoning || this.splitter === undefined) {
      this.append(reasoning ? 'reasoning' : 'text', text);
      return;
    }
    for (const segment of this.splitter.push(text)) this.append(segment.kind, segment.text);
  }

  private append(kind: 'text' | 'reasoning', text: string): void {
    if (this.open?.kind !== kind) {
      this.close();
      this.open = { kind, id: this.nextId(kind), text: '' };
      this.emit({ type: `${kind}-start`, id: this.open.id });
    }
    this.open.text += text;
    this.emit({ type: `${kind}-delta`, id: this.open.id, delta: text });
  }

  /** Closes the open block and returns the content. */
  finish(): Content[] {
    if (this.splitter && !this.silent)
      for (const segment of this.splitter.end()) this.append(segment.kind, segment.text);
    this.close();
    return this.content;
  }

  private close(): void {
    if (!this.open) return;
    this.emit({ type: `${this.open.kind}-end`, id: this.open.id });
    this.content.push({ type: this.open.kind, text: this.open.text } as Content);
    this.open = undefined;
  }
}
