/** A stretch of text, inside the tags (`reasoning`) or outside them (`text`). */
export interface TaggedSegment {
  kind: 'text' | 'reasoning';
  text: string;
}

/**
 * Splits streamed text at `<tag>` and `</tag>`, wherever the chunks cut them: a chunk ending in what may be
 * the start of a tag keeps that tail until the next chunk says. Linear in the text: each character is
 * looked at a bounded number of times (the held tail is shorter than the tag).
 */
export class TaggedTextSplitter {
  readonly #open: string;
  readonly #close: string;
  #inside: boolean;
  #pending = '';
  #trimNext = false;

  constructor(options: { tagName: string; startInside?: boolean }) {
    this.#open = `<${options.tagName}>`;
    this.#close = `</${options.tagName}>`;
    this.#inside = options.startInside ?? false;
  }

  /** The segments `delta` completes; text that may still be part of a tag is held back. */
  push(delta: string): TaggedSegment[] {
    const segments: TaggedSegment[] = [];
    let text = this.#pending + delta;
    this.#pending = '';
    for (;;) {
      const tag = this.#inside ? this.#close : this.#open;
      const index = text.indexOf(tag);
      if (index === -1) break;
      this.#emit(segments, text.slice(0, index));
      this.#inside = !this.#inside;
      this.#trimNext = !this.#inside;
      text = text.slice(index + tag.length);
    }
    const held = partialTagLength(text, this.#inside ? this.#close : this.#open);
    this.#emit(segments, text.slice(0, text.length - held));
    this.#pending = text.slice(text.length - held);
    return segments;
  }

  /** The held-back text, at the end of the stream. */
  end(): TaggedSegment[] {
    const segments: TaggedSegment[] = [];
    this.#emit(segments, this.#pending);
    this.#pending = '';
    return segments;
  }

  #emit(segments: TaggedSegment[], raw: string): void {
    // Models put a blank line after the closing tag; it belongs to neither side.
    const text = this.#trimNext ? raw.replace(/^\s+/, '') : raw;
    if (text === '') return;
    this.#trimNext = false;
    const kind = this.#inside ? 'reasoning' : 'text';
    const last = segments.at(-1);
    if (last?.kind === kind) last.text += text;
    else segments.push({ kind, text });
  }
}

/** How many characters at the end of `text` could begin `tag` (never the whole tag: that was found). */
function partialTagLength(text: string, tag: string): number {
  for (let length = Math.min(tag.length - 1, text.length); length > 0; length--) {
    if (text.endsWith(tag.slice(0, length))) return length;
  }
  return 0;
}
