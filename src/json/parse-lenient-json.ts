import { maxJsonDepth } from './max-json-depth.js';
import { setOwnEntry } from './set-own-entry.js';

/** A value read leniently from `text`, starting at a given index. */
export interface LenientValue {
  value: unknown;
  /** Index just after the last character that belongs to the value. */
  end: number;
  /** True when the value closed; false when the text ended, or went wrong, inside it. */
  complete: boolean;
}

/** Thrown inside the parser when nesting passes `maxJsonDepth`: the candidate is abandoned. */
class TooDeep {
  constructor(readonly position: number) {}
}

const closerOf: Record<string, string> = { '{': '}', '[': ']' };
const literals: Record<string, boolean | null> = {
  true: true,
  false: false,
  null: null,
  True: true,
  False: false,
  None: null,
};

/**
 * Reads one JSON value the way models write it, starting at `start`: `//`, `/* *\/` and `#` comments,
 * single-quoted strings, unquoted keys, Python's `True`/`False`/`None`, `1_000` digit separators, missing
 * values (`"a": ,` and `[1,,2]` are null), trailing and missing commas, mismatched closing brackets.
 * Where the text ends (or goes wrong) inside the value, open containers close with the entries completed so
 * far, and the entry being written is dropped: a half-written string or number is never made up. Returns
 * `failedAt` when no value starts at `start`, and `tooDeep` when it nests deeper than `maxJsonDepth`. Linear: every character
 * is looked at a bounded number of times.
 */
export function parseLenientJson(
  text: string,
  start: number,
): LenientValue | { failedAt: number; tooDeep?: true } {
  const parser = new LenientParser(text);
  try {
    return parser.parseTop(start);
  } catch (error) {
    if (error instanceof TooDeep) return { failedAt: error.position, tooDeep: true };
    throw error;
  }
}

/** How a value inside a container ended: with the value, or where the text stopped making sense. */
type Step = { value: unknown; complete: true } | { value?: unknown; complete: false };

class LenientParser {
  index = 0;
  /** Closing brackets of the open containers, innermost last. */
  readonly closers: string[] = [];

  constructor(readonly text: string) {}

  parseTop(start: number): LenientValue | { failedAt: number } {
    this.index = start;
    this.skipSpace();
    const first = this.text[this.index];
    if (first === undefined) return { failedAt: this.index };
    // A number at the very end of the text is whole: nothing follows that could extend it.
    const step = this.parseValue(0, true);
    if (step.complete) return { value: step.value, end: this.index, complete: true };
    if (step.value === undefined) return { failedAt: Math.max(this.index, start + 1) };
    return { value: step.value, end: this.index, complete: false };
  }

  parseValue(depth: number, atTop = false): Step {
    const character = this.text[this.index];
    if (character === '{' || character === '[') return this.parseContainer(character, depth);
    if (character === '"' || character === "'") return this.parseString();
    if (character === undefined) return { complete: false };
    if (isNumberStart(character)) return this.parseNumber(atTop);
    return this.parseLiteral();
  }

  parseContainer(opener: '{' | '[', depth: number): Step {
    if (depth >= maxJsonDepth) throw new TooDeep(this.index);
    this.index += 1;
    this.closers.push(closerOf[opener]!);
    const step = opener === '[' ? this.parseArrayEntries(depth) : this.parseObjectEntries(depth);
    this.closers.pop();
    return step;
  }

  parseArrayEntries(depth: number): Step {
    const array: unknown[] = [];
    let afterSeparator = true;
    for (;;) {
      this.skipSpace();
      const character = this.text[this.index];
      if (character === undefined) return { value: array, complete: false };
      if (character === ',') {
        // `[1,,2]` and `[,1]`: a value the model left out.
        if (afterSeparator) array.push(null);
        afterSeparator = true;
        this.index += 1;
        continue;
      }
      const closed = this.closeOn(character, ']');
      if (closed !== undefined) return { value: array, complete: closed };
      const step = this.parseValue(depth + 1);
      if (step.value !== undefined || step.complete) array.push(step.value);
      if (!step.complete) return { value: array, complete: false };
      afterSeparator = false;
    }
  }

  parseObjectEntries(depth: number): Step {
    const object: Record<string, unknown> = {};
    for (;;) {
      this.skipSpace();
      const character = this.text[this.index];
      if (character === undefined) return { value: object, complete: false };
      if (character === ',') {
        this.index += 1;
        continue;
      }
      const closed = this.closeOn(character, '}');
      if (closed !== undefined) return { value: object, complete: closed };
      const key = this.parseKey();
      if (key === undefined) return { value: object, complete: false };
      this.skipSpace();
      if (this.text[this.index] !== ':') return { value: object, complete: false };
      this.index += 1;
      this.skipSpace();
      const next = this.text[this.index];
      if (next === ',' || next === '}') {
        // `"a": ,` or `"a": }`: a value the model left out.
        setOwnEntry(object, key, null);
        continue;
      }
      const step = this.parseValue(depth + 1);
      if (step.value !== undefined && (step.complete || isContainer(step.value)))
        setOwnEntry(object, key, step.value);
      if (!step.complete) return { value: object, complete: false };
    }
  }

  /**
   * At a closing bracket: true when it closes this container, either its own (consumed) or an outer one's
   * (left for the outer one: `{"a":[1}` closes both); undefined when `character` is no closing bracket.
   * A closing bracket that matches no open container is skipped; false when the text then ends.
   */
  closeOn(character: string, own: string): boolean | undefined {
    if (character !== ']' && character !== '}') return undefined;
    if (character === own) {
      this.index += 1;
      return true;
    }
    if (this.closers.includes(character)) return true;
    this.index += 1;
    return this.closeOnStray(own);
  }

  /** After skipping a stray closing bracket: look at what follows. */
  closeOnStray(own: string): boolean | undefined {
    this.skipSpace();
    const character = this.text[this.index];
    if (character === undefined) return false;
    return this.closeOn(character, own);
  }

  parseKey(): string | undefined {
    const character = this.text[this.index];
    if (character === '"' || character === "'") {
      const step = this.parseString();
      return step.complete ? (step.value as string) : undefined;
    }
    const match = identifierAt(this.text, this.index);
    if (match === '') return undefined;
    this.index += match.length;
    return match;
  }

  parseString(): Step {
    const quote = this.text[this.index]!;
    const pieces: string[] = [];
    let runStart = this.index + 1;
    for (let index = runStart; index < this.text.length; index += 1) {
      const character = this.text[index]!;
      if (character === quote) {
        pieces.push(this.text.slice(runStart, index));
        this.index = index + 1;
        return { value: pieces.join(''), complete: true };
      }
      if (character !== '\\') continue;
      pieces.push(this.text.slice(runStart, index));
      const [decoded, length] = decodeEscape(this.text, index);
      if (length === 0) break;
      pieces.push(decoded);
      index += length - 1;
      runStart = index + 1;
    }
    this.index = this.text.length;
    return { complete: false };
  }

  parseNumber(atTop: boolean): Step {
    const start = this.index;
    let index = start;
    while (index < this.text.length && isNumberCharacter(this.text.charCodeAt(index))) index += 1;
    this.index = index;
    const raw = this.text.slice(start, index);
    const value = numberOf(raw);
    if (value === undefined) return { complete: false };
    // Inside a container, digits that run to the end of the text may be cut short: not a complete value.
    if (index === this.text.length && !atTop) return { complete: false };
    return { value, complete: true };
  }

  parseLiteral(): Step {
    const word = identifierAt(this.text, this.index);
    if (this.index + word.length === this.text.length && isLiteralStart(word)) {
      // `tr` at the end of the text: a literal cut short.
      this.index = this.text.length;
      return { complete: false };
    }
    if (word === '' || !Object.hasOwn(literals, word)) return { complete: false };
    this.index += word.length;
    return { value: literals[word], complete: true };
  }

  /** Skips whitespace and `//`, `#` (to the end of the line) and `/* *\/` comments. */
  skipSpace(): void {
    const text = this.text;
    for (;;) {
      const code = text.charCodeAt(this.index);
      if (
        code === 0x20 ||
        code === 0x0a ||
        code === 0x0d ||
        code === 0x09 ||
        code === 0xa0 ||
        code === 0xfeff
      ) {
        this.index += 1;
      } else if (code === 0x23 || (code === 0x2f && text.charCodeAt(this.index + 1) === 0x2f)) {
        const end = text.indexOf('\n', this.index);
        this.index = end === -1 ? text.length : end + 1;
      } else if (code === 0x2f && text.charCodeAt(this.index + 1) === 0x2a) {
        const end = text.indexOf('*/', this.index + 2);
        this.index = end === -1 ? text.length : end + 2;
      } else {
        return;
      }
    }
  }
}

function isLiteralStart(word: string): boolean {
  return word !== '' && Object.keys(literals).some((literal) => literal.startsWith(word) && literal !== word);
}

function isContainer(value: unknown): boolean {
  return typeof value === 'object' && value !== null;
}

function isNumberStart(character: string): boolean {
  return (
    (character >= '0' && character <= '9') || character === '-' || character === '+' || character === '.'
  );
}

/** Digits, signs, `.`, `e`/`E` and `_`: the characters a number may be written with. */
function isNumberCharacter(code: number): boolean {
  return (
    (code >= 0x30 && code <= 0x39) ||
    code === 0x2d ||
    code === 0x2b ||
    code === 0x2e ||
    code === 0x65 ||
    code === 0x45 ||
    code === 0x5f
  );
}

/** The value of a number as models write it (`1_000`, `+5`, `.5`, `1.`), or undefined if it is none. */
function numberOf(raw: string): number | undefined {
  if (!/^[-+]?(\d+(_\d+)*)?(\.(\d+(_\d+)*)?)?([eE][-+]?\d+)?$/.test(raw) || !/\d/.test(raw)) return undefined;
  const mantissa = raw.replace(/[eE].*$/, '');
  if (!/\d/.test(mantissa)) return undefined;
  return Number(
    raw
      .replaceAll('_', '')
      .replace(/^\+/, '')
      .replace(/\.(?=[eE]|$)/, ''),
  );
}

const identifierPattern = /[A-Za-z_$][\w$]*/y;

function identifierAt(text: string, index: number): string {
  identifierPattern.lastIndex = index;
  return identifierPattern.exec(text)?.[0] ?? '';
}

const simpleEscapes: Record<string, string> = {
  '"': '"',
  "'": "'",
  '\\': '\\',
  '/': '/',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
};

/** The character an escape at `index` (a backslash) stands for, and its length; length 0 at the text's end. */
function decodeEscape(text: string, index: number): [string, number] {
  const next = text[index + 1];
  if (next === undefined) return ['', 0];
  if (next === 'u') {
    const hex = text.slice(index + 2, index + 6);
    if (hex.length < 4) return ['', 0];
    if (/^[0-9a-fA-F]{4}$/.test(hex)) return [String.fromCharCode(Number.parseInt(hex, 16)), 6];
    return ['u', 2];
  }
  // An unknown escape keeps its character, as most lenient readers do.
  return [simpleEscapes[next] ?? next, 2];
}
