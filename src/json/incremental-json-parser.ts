import { JsonDepthError } from '../errors/json-depth-error.js';
import { JsonSyntaxError } from '../errors/json-syntax-error.js';
import { maxJsonDepth } from './max-json-depth.js';
import { setOwnEntry as setEntry } from './set-own-entry.js';

// Parser modes: what the next character may be.
/** A value: at the start, after `:` or after `,` in an array. */
const expectValue = 0;
/** A value or `]`, right after `[`. */
const expectFirstElement = 1;
/** A key or `}`, right after `{`. */
const expectFirstKey = 2;
/** A key, after `,` in an object. */
const expectKey = 3;
/** The `:` after a key. */
const expectColon = 4;
/** `,` or the closing bracket, after a value inside a container. */
const expectSeparator = 5;
const inString = 6;
const inNumber = 7;
const inLiteral = 8;
/** The top-level value is complete; only whitespace may follow. */
const complete = 9;

// Number states, following the JSON grammar `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`.
const numberInvalid = -1;
const numberStart = 0;
const numberMinus = 1;
const numberZero = 2;
const numberInteger = 3;
const numberDot = 4;
const numberFraction = 5;
const numberExponent = 6;
const numberExponentSign = 7;
const numberExponentDigits = 8;

// Escape states inside a string.
const escapeNone = 0;
const escapeBackslash = 1;
const escapeUnicode = 2;

/** How many characters each side of an error the excerpt shows. */
const excerptRadius = 20;
/** How many recent writes are kept (by reference) to show the text before an error. */
const recentWriteCount = 16;

/**
 * Work units of `snapshot()`, in array elements copied: one per open container (a new array or object),
 * one per completed array element, `objectEntryCost` per completed object entry. Measured on V8: copying an
 * object entry costs 15-25× an array element (a 100,000-key object copy took 180 ms, a 100,000-element
 * `slice` 8 ms), so an object counts 16 per entry and a snapshot of a wide object waits for 16× more input.
 */
const containerCost = 1;
const objectEntryCost = 16;

/** Length from which a string's pieces are also batched, not only appended one by one. */
const longTextLength = 1024;
/** How many pieces of a long string are joined into one flat string at a time. */
const pieceBatch = 32;

/**
 * Text accumulated from many small pieces, readable at any time in O(1). Short text grows by `+=` (a V8 rope
 * node per piece). Long text keeps a rope of flat batches of pieces, plus a small rope of the recent pieces:
 * with a retained node per 4-character piece, garbage collection made a 4 MB string cost 3-4× more per byte
 * than a 256 KB one, and joining every piece on each read would make frequent snapshots quadratic.
 */
class TextBuilder {
  /** The text before `#recent`: short text, or a rope of flat batches. */
  #committed = '';
  /** The pieces after `#committed`, as a rope and as a list to join once the batch is full. */
  #recent = '';
  readonly #recentPieces: string[] = [];

  /** Starts a new, empty text. */
  reset(): void {
    this.#committed = '';
    if (this.#recentPieces.length > 0) {
      this.#recent = '';
      this.#recentPieces.length = 0;
    }
  }

  append(piece: string): void {
    if (this.#committed.length < longTextLength) {
      this.#committed += piece;
      return;
    }
    this.#recent += piece;
    this.#recentPieces.push(piece);
    if (this.#recentPieces.length === pieceBatch) {
      this.#committed += this.#recentPieces.join('');
      this.#recent = '';
      this.#recentPieces.length = 0;
    }
  }

  /** The whole text so far, in O(1): at most one rope node is made, nothing is copied. */
  read(): string {
    return this.#recent === '' ? this.#committed : this.#committed + this.#recent;
  }
}

/** An open array or object on the path from the root to the innermost open value. */
class Frame {
  /** Key of the entry being parsed, in an object frame. */
  key = '';
  /** Completed entries: the array length or the object key count. */
  width = 0;
  /** What copying the completed entries costs, in `snapshotCost` units. */
  readonly entryCost: number;

  /** Completed entries only. Never handed to a caller while open: snapshots copy it. */
  constructor(readonly container: unknown[] | Record<string, unknown>) {
    this.entryCost = Array.isArray(container) ? 1 : objectEntryCost;
  }
}

/** Options of an {@link IncrementalJsonParser}. */
export interface IncrementalJsonParserOptions {
  /**
   * The deepest nesting of arrays and objects accepted; one more opening bracket sets `error` to a
   * `JsonDepthError`.
   * @default maxJsonDepth (1,000)
   */
  maxDepth?: number;
}

/**
 * Parses JSON pushed in pieces of any size and shows the partial value at any point, for streaming structured
 * output and tool-call arguments. Each character is examined once, so the total cost is linear in the input.
 * Completed containers are kept as finished values that every later snapshot shares; only the open spine is
 * copied by `snapshot()`, and `snapshotCost` says what that costs. A caller that takes a snapshot only once the
 * input since the last one pays for it (`newCharacters * k >= snapshotCost`) streams any shape in linear
 * time, however deep or wide; `streamObject` does. Nesting deeper than `maxDepth` is an error.
 *
 * @example
 * const parser = new IncrementalJsonParser();
 * parser.write('{"title":"Hel');
 * parser.snapshot(); // { title: 'Hel' }
 * parser.write('lo","tags":["a"');
 * parser.snapshot(); // { title: 'Hello', tags: ['a'] }
 * parser.write(']}');
 * parser.end(); // { title: 'Hello', tags: ['a'] }
 */
export class IncrementalJsonParser {
  #mode = expectValue;
  #stack: Frame[] = [];
  #root: unknown = undefined;
  #version = 0;
  #error: JsonSyntaxError | JsonDepthError | undefined = undefined;
  #openWidth = 0;
  #openCost = 0;
  readonly #maxDepth: number;
  /** Characters written before the current `write`, for error positions. */
  #offset = 0;
  /** The last writes before the current one, a ring of references, for error excerpts. */
  readonly #recentWrites: string[] = [];
  #recentIndex = 0;

  // The open string: visible text, a high surrogate held back until its pair arrives, escape progress.
  readonly #text = new TextBuilder();
  #heldSurrogate = '';
  #isKey = false;
  #escape = escapeNone;
  #hexDigits = 0;
  #hexValue = 0;

  // The open number: its text so far, grammar state, and the value of its longest valid prefix.
  #numberText = '';
  #numberState = numberStart;
  #numberValidLength = 0;
  #numberShown: number | undefined = undefined;

  // The open literal `true`, `false` or `null`.
  #literal = '';
  #literalValue: boolean | null = null;
  #literalMatched = 0;

  constructor(options: IncrementalJsonParserOptions = {}) {
    this.#maxDepth = options.maxDepth ?? maxJsonDepth;
  }

  /** Bumps whenever the visible partial value changes, so callers can skip identical snapshots. */
  get version(): number {
    return this.#version;
  }

  /** True once the top-level value is complete. Trailing whitespace is allowed; anything else is an error. */
  get done(): boolean {
    return this.#mode === complete;
  }

  /**
   * The first error met, after which input is ignored: a `JsonSyntaxError`, or a `JsonDepthError` past
   * `maxDepth`; undefined while the text is valid so far.
   */
  get error(): JsonSyntaxError | JsonDepthError | undefined {
    return this.#error;
  }

  /** Entries (array elements, object keys) in the open containers, i.e. what `snapshot()` has to copy. */
  get openWidth(): number {
    return this.#openWidth;
  }

  /**
   * What `snapshot()` would copy now, in array-element units: the open containers, their completed array
   * elements, and their completed object entries weighted by what copying one costs. Independent of what the
   * completed children hold, which snapshots share.
   */
  get snapshotCost(): number {
    return this.#openCost;
  }

  /** Feeds more text. Never throws on bad JSON: sets `error` and ignores later input. */
  write(text: string): void {
    if (this.#error !== undefined) return;
    let index = 0;
    while (index < text.length && this.#error === undefined) index = this.#step(text, index);
    this.#offset += text.length;
    this.#rememberWrite(text);
  }

  /**
   * The partial value so far; undefined before anything is visible. Open containers are fresh copies, so a later
   * write never changes a value already returned; completed containers are shared between snapshots.
   */
  snapshot(): unknown {
    if (this.#mode === complete) return this.#root;
    let child = this.#openScalar();
    for (let depth = this.#stack.length - 1; depth >= 0; depth -= 1) {
      child = copyFrame(this.#stack[depth]!, child);
    }
    return child;
  }

  /** Completes the input: returns the final value, or throws the syntax error (possibly "unexpected end"). */
  end(): unknown {
    if (this.#error !== undefined) throw this.#error;
    // A top-level number has no closing character: only the end of input completes it.
    if (this.#mode === inNumber && this.#stack.length === 0 && isAcceptingNumber(this.#numberState)) {
      this.#completeValue(Number(this.#numberText));
    }
    if (this.#mode === complete) return this.#root;
    this.#error = new JsonSyntaxError({
      message: 'unexpected end of JSON input',
      position: this.#offset,
      excerpt: this.#recentText(),
    });
    throw this.#error;
  }

  #step(text: string, index: number): number {
    switch (this.#mode) {
      case inString:
        return this.#escape === escapeNone ? this.#readStringRun(text, index) : this.#readEscape(text, index);
      case inNumber:
        return this.#readNumber(text, index);
      case inLiteral:
        return this.#readLiteral(text, index);
      default:
        return this.#readToken(text, index);
    }
  }

  /** Skips whitespace, then handles one structural character. */
  #readToken(text: string, start: number): number {
    let index = start;
    let code = text.charCodeAt(index);
    while (isWhitespace(code)) {
      index += 1;
      if (index === text.length) return index;
      code = text.charCodeAt(index);
    }
    switch (this.#mode) {
      case expectValue:
        return this.#startValue(text, index, code);
      case expectFirstElement:
        return code === 0x5d ? this.#closeContainer(index) : this.#startValue(text, index, code);
      case expectFirstKey:
        return code === 0x7d ? this.#closeContainer(index) : this.#startKey(text, index, code);
      case expectKey:
        return this.#startKey(text, index, code);
      case expectColon:
        return this.#readColon(text, index, code);
      case expectSeparator:
        return this.#readSeparator(text, index, code);
      default:
        return this.#fail(text, index, 'unexpected character after the JSON value');
    }
  }

  #startValue(text: string, index: number, code: number): number {
    switch (code) {
      case 0x7b: // {
        return this.#openContainer({}, expectFirstKey, index);
      case 0x5b: // [
        return this.#openContainer([], expectFirstElement, index);
      case 0x22: // "
        this.#startString(false);
        this.#version += 1;
        return index + 1;
      case 0x74: // t
        return this.#startLiteral('true', true, index);
      case 0x66: // f
        return this.#startLiteral('false', false, index);
      case 0x6e: // n
        return this.#startLiteral('null', null, index);
      default:
        if (code === 0x2d || isDigit(code)) return this.#startNumber(index);
        return this.#fail(text, index, 'expected a JSON value');
    }
  }

  #openContainer(container: unknown[] | Record<string, unknown>, mode: number, index: number): number {
    if (this.#stack.length === this.#maxDepth) return this.#failDepth(index);
    this.#stack.push(new Frame(container));
    this.#openCost += containerCost;
    this.#mode = mode;
    this.#version += 1;
    return index + 1;
  }

  #closeContainer(index: number): number {
    const frame = this.#stack.pop()!;
    this.#openWidth -= frame.width;
    this.#openCost -= frame.width * frame.entryCost + containerCost;
    this.#completeValue(frame.container);
    return index + 1;
  }

  #startKey(text: string, index: number, code: number): number {
    if (code !== 0x22) return this.#fail(text, index, 'expected a double-quoted object key');
    this.#startString(true);
    return index + 1;
  }

  #readColon(text: string, index: number, code: number): number {
    if (code !== 0x3a) return this.#fail(text, index, "expected ':' after an object key");
    this.#mode = expectValue;
    return index + 1;
  }

  #readSeparator(text: string, index: number, code: number): number {
    const isArray = Array.isArray(this.#stack[this.#stack.length - 1]!.container);
    if (code === 0x2c) {
      this.#mode = isArray ? expectValue : expectKey;
      return index + 1;
    }
    if (code === (isArray ? 0x5d : 0x7d)) return this.#closeContainer(index);
    const expected = isArray ? "',' or ']' after an array element" : "',' or '}' after an object value";
    return this.#fail(text, index, `expected ${expected}`);
  }

  /** Stores a finished value in its parent, or as the root. The value was already visible, or is made so. */
  #completeValue(value: unknown): void {
    const frame = this.#stack[this.#stack.length - 1];
    if (frame === undefined) {
      this.#root = value;
      this.#mode = complete;
      return;
    }
    this.#mode = expectSeparator;
    const container = frame.container;
    if (Array.isArray(container)) {
      container.push(value);
    } else {
      const isNewKey = !Object.hasOwn(container, frame.key);
      setEntry(container, frame.key, value);
      if (!isNewKey) return;
    }
    frame.width += 1;
    this.#openWidth += 1;
    this.#openCost += frame.entryCost;
  }

  #startString(isKey: boolean): void {
    this.#mode = inString;
    this.#isKey = isKey;
    this.#text.reset();
    this.#heldSurrogate = '';
  }

  /** Consumes a run of plain string characters with one slice, up to a quote, a backslash or the end. */
  #readStringRun(text: string, index: number): number {
    const stop = findStringSpecial(text, index);
    if (stop > index) this.#appendText(text.slice(index, stop));
    if (stop === text.length) return stop;
    const code = text.charCodeAt(stop);
    if (code === 0x22) {
      this.#endString();
    } else if (code === 0x5c) {
      this.#escape = escapeBackslash;
    } else {
      return this.#fail(text, stop, 'unescaped control character in a string');
    }
    return stop + 1;
  }

  #readEscape(text: string, index: number): number {
    const code = text.charCodeAt(index);
    if (this.#escape === escapeUnicode) return this.#readHexDigit(text, index, code);
    if (code === 0x75) {
      this.#escape = escapeUnicode;
      this.#hexDigits = 0;
      this.#hexValue = 0;
      return index + 1;
    }
    const decoded = decodeEscape(code);
    if (decoded === undefined) return this.#fail(text, index, 'invalid escape sequence in a string');
    this.#escape = escapeNone;
    this.#appendText(decoded);
    return index + 1;
  }

  #readHexDigit(text: string, index: number, code: number): number {
    const digit = hexDigitValue(code);
    if (digit < 0) return this.#fail(text, index, 'invalid \\u escape: expected a hexadecimal digit');
    this.#hexValue = this.#hexValue * 16 + digit;
    this.#hexDigits += 1;
    if (this.#hexDigits === 4) {
      this.#escape = escapeNone;
      this.#appendText(String.fromCharCode(this.#hexValue));
    }
    return index + 1;
  }

  /**
   * Adds decoded characters to the open string, in O(1). A high surrogate at the end is held back so a snapshot
   * never shows half a character.
   */
  #appendText(decoded: string): void {
    if (this.#isKey) {
      this.#text.append(decoded);
      return;
    }
    let piece = this.#heldSurrogate === '' ? decoded : this.#heldSurrogate + decoded;
    this.#heldSurrogate = '';
    if (isHighSurrogate(piece.charCodeAt(piece.length - 1))) {
      this.#heldSurrogate = piece.slice(-1);
      piece = piece.slice(0, -1);
      if (piece === '') return;
    }
    this.#text.append(piece);
    this.#version += 1;
  }

  #endString(): void {
    if (this.#heldSurrogate !== '') this.#text.append(this.#heldSurrogate);
    const value = this.#text.read();
    if (this.#isKey) {
      this.#stack[this.#stack.length - 1]!.key = value;
      this.#mode = expectColon;
      return;
    }
    if (this.#heldSurrogate !== '') this.#version += 1;
    this.#heldSurrogate = '';
    this.#completeValue(value);
  }

  #startNumber(index: number): number {
    this.#mode = inNumber;
    this.#numberText = '';
    this.#numberState = numberStart;
    this.#numberValidLength = 0;
    this.#numberShown = undefined;
    return index;
  }

  /** Consumes the number characters in `text`; the first other character ends the number. */
  #readNumber(text: string, start: number): number {
    let state = this.#numberState;
    let index = start;
    let validEnd = -1;
    while (index < text.length) {
      const next = nextNumberState(state, text.charCodeAt(index));
      if (next === numberInvalid) break;
      state = next;
      index += 1;
      if (isAcceptingNumber(state)) validEnd = index;
    }
    this.#numberState = state;
    this.#numberText += text.slice(start, index);
    if (validEnd !== -1) this.#showNumber(this.#numberText.length - (index - validEnd));
    if (index === text.length) return index;
    if (!isAcceptingNumber(state)) return this.#fail(text, index, 'incomplete number');
    this.#completeValue(Number(this.#numberText));
    return index;
  }

  /** Shows the longest valid prefix of the open number, bumping the version if its value changed. */
  #showNumber(validLength: number): void {
    if (validLength === this.#numberValidLength) return;
    this.#numberValidLength = validLength;
    const shown = Number(this.#numberText.slice(0, validLength));
    if (Object.is(shown, this.#numberShown)) return;
    this.#numberShown = shown;
    this.#version += 1;
  }

  #startLiteral(literal: string, value: boolean | null, index: number): number {
    this.#mode = inLiteral;
    this.#literal = literal;
    this.#literalValue = value;
    this.#literalMatched = 0;
    return index;
  }

  #readLiteral(text: string, start: number): number {
    const literal = this.#literal;
    let index = start;
    while (index < text.length && this.#literalMatched < literal.length) {
      if (text.charCodeAt(index) !== literal.charCodeAt(this.#literalMatched)) {
        return this.#fail(text, index, `invalid literal, expected '${literal}'`);
      }
      index += 1;
      this.#literalMatched += 1;
    }
    if (this.#literalMatched === literal.length) {
      this.#version += 1;
      this.#completeValue(this.#literalValue);
    }
    return index;
  }

  /** The open scalar's visible value: a value string's text, a number's valid prefix; never a key or literal. */
  #openScalar(): unknown {
    if (this.#mode === inString) return this.#isKey ? undefined : this.#text.read();
    if (this.#mode === inNumber) return this.#numberShown;
    return undefined;
  }

  /**
   * Keeps a reference to `text` for error excerpts. Building a tail string on every write instead tripled the
   * cost of 4-character writes; a long write is cut so the ring never holds much memory.
   */
  #rememberWrite(text: string): void {
    this.#recentWrites[this.#recentIndex] = text.length > excerptRadius ? text.slice(-excerptRadius) : text;
    this.#recentIndex = (this.#recentIndex + 1) % recentWriteCount;
  }

  /** Up to `excerptRadius` characters written before the current write. */
  #recentText(): string {
    const ordered = [
      ...this.#recentWrites.slice(this.#recentIndex),
      ...this.#recentWrites.slice(0, this.#recentIndex),
    ];
    return ordered.join('').slice(-excerptRadius);
  }

  /** Records a `JsonDepthError` for the bracket at `index` of the current write; stops the loop. */
  #failDepth(index: number): number {
    this.#error = new JsonDepthError({ maxDepth: this.#maxDepth, position: this.#offset + index });
    return index + 1;
  }

  /** Records the error at `index` of the current write and returns an index that stops the loop. */
  #fail(text: string, index: number, message: string): number {
    const found = index < text.length ? ` but found ${JSON.stringify(text[index])}` : '';
    const before = this.#recentText();
    const context = before + text;
    const at = before.length + index;
    this.#error = new JsonSyntaxError({
      message: message + found,
      position: this.#offset + index,
      excerpt: context.slice(Math.max(0, at - excerptRadius), at + excerptRadius),
    });
    return text.length;
  }
}

/** A shallow copy of an open container, with its open child (already copied) in place. */
function copyFrame(frame: Frame, child: unknown): unknown {
  if (Array.isArray(frame.container)) {
    const copy = frame.container.slice();
    if (child !== undefined) copy.push(child);
    return copy;
  }
  return copyObject(frame.container, frame.key, child);
}

/**
 * Copies an open object and sets its open entry. A for-in loop, because V8 makes adding a property to an
 * object built by spread or `Object.assign` slow (measured 5-10× slower per snapshot).
 */
function copyObject(object: Record<string, unknown>, key: string, child: unknown): Record<string, unknown> {
  const copy: Record<string, unknown> = {};
  for (const name in object) setEntry(copy, name, object[name]);
  if (child !== undefined) setEntry(copy, key, child);
  return copy;
}

/** Index of the first quote, backslash or control character at or after `from`, or the length of `text`. */
function findStringSpecial(text: string, from: number): number {
  for (let index = from; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code === 0x22 || code === 0x5c || code < 0x20) return index;
  }
  return text.length;
}

function decodeEscape(code: number): string | undefined {
  switch (code) {
    case 0x22:
      return '"';
    case 0x5c:
      return '\\';
    case 0x2f:
      return '/';
    case 0x62:
      return '\b';
    case 0x66:
      return '\f';
    case 0x6e:
      return '\n';
    case 0x72:
      return '\r';
    case 0x74:
      return '\t';
    default:
      return undefined;
  }
}

function hexDigitValue(code: number): number {
  if (code >= 0x30 && code <= 0x39) return code - 0x30;
  if (code >= 0x61 && code <= 0x66) return code - 0x57;
  if (code >= 0x41 && code <= 0x46) return code - 0x37;
  return -1;
}

function nextNumberState(state: number, code: number): number {
  const digit = isDigit(code);
  switch (state) {
    case numberStart:
      if (code === 0x2d) return numberMinus;
      return code === 0x30 ? numberZero : digit ? numberInteger : numberInvalid;
    case numberMinus:
      return code === 0x30 ? numberZero : digit ? numberInteger : numberInvalid;
    case numberZero:
      return code === 0x2e ? numberDot : isExponentMark(code) ? numberExponent : numberInvalid;
    case numberInteger:
      if (digit) return numberInteger;
      return code === 0x2e ? numberDot : isExponentMark(code) ? numberExponent : numberInvalid;
    case numberDot:
      return digit ? numberFraction : numberInvalid;
    case numberFraction:
      return digit ? numberFraction : isExponentMark(code) ? numberExponent : numberInvalid;
    case numberExponent:
      if (digit) return numberExponentDigits;
      return code === 0x2b || code === 0x2d ? numberExponentSign : numberInvalid;
    default:
      return digit ? numberExponentDigits : numberInvalid;
  }
}

function isAcceptingNumber(state: number): boolean {
  return (
    state === numberZero ||
    state === numberInteger ||
    state === numberFraction ||
    state === numberExponentDigits
  );
}

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

function isExponentMark(code: number): boolean {
  return code === 0x65 || code === 0x45;
}

function isWhitespace(code: number): boolean {
  return code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/** What {@link parseJsonPrefix} found. */
export interface JsonPrefix {
  /** The complete value, or the partial value of the prefix (undefined before anything is visible). */
  value: unknown;
  /** True when the text is a whole JSON value. */
  complete: boolean;
  /** The error, when the text cannot be the start of any JSON value or nests deeper than `maxJsonDepth`. */
  error?: JsonSyntaxError | JsonDepthError;
}

/**
 * Parses text that may be the start of a JSON value, e.g. a model's output so far.
 *
 * @example
 * parseJsonPrefix('{"city":"Lis'); // { value: { city: 'Lis' }, complete: false }
 * parseJsonPrefix('[1,2]'); // { value: [1, 2], complete: true }
 */
export function parseJsonPrefix(text: string): JsonPrefix {
  const parser = new IncrementalJsonParser();
  parser.write(text);
  if (parser.error !== undefined) return { value: parser.snapshot(), complete: false, error: parser.error };
  const value = parser.snapshot();
  try {
    return { value: parser.end(), complete: true };
  } catch {
    return { value, complete: false };
  }
}
