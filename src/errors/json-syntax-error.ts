import { FantasyError, type FantasyErrorOptions, isMarked } from './fantasy-error.js';

/** What went wrong in a JSON text, and where. */
export interface JsonSyntaxErrorOptions extends FantasyErrorOptions {
  /** What was expected or found, e.g. `expected ',' or '}' after an object value but found ']'`. */
  message: string;
  /** Offset of the offending character in the whole text, in UTF-16 code units (as `String#length` counts). */
  position: number;
  /** A few characters around the offending one. */
  excerpt: string;
}

/** A JSON text, complete or streamed, is not valid JSON. The message names the position and shows the text there. */
export class JsonSyntaxError extends FantasyError {
  /** Offset of the offending character in the whole text, in UTF-16 code units. */
  readonly position: number;
  /** A few characters around the offending one. */
  readonly excerpt: string;

  constructor(options: JsonSyntaxErrorOptions) {
    super(
      `JSON syntax error at position ${options.position}: ${options.message} (near ${JSON.stringify(options.excerpt)})`,
      options,
    );
    this.name = 'JsonSyntaxError';
    this.position = options.position;
    this.excerpt = options.excerpt;
  }

  static override isInstance(error: unknown): error is JsonSyntaxError {
    return isMarked(error, 'JsonSyntaxError');
  }
}
