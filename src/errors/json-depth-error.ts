import { FantasyError, type FantasyErrorOptions, isMarked } from './fantasy-error.js';

/** Where a JSON text went deeper than its reader allows. */
export interface JsonDepthErrorOptions extends FantasyErrorOptions {
  /** The deepest nesting of arrays and objects the reader accepts. */
  maxDepth: number;
  /** Offset of the opening bracket that went past the limit, in UTF-16 code units. */
  position: number;
}

/**
 * A JSON text nests arrays and objects deeper than the reader's limit (`maxJsonDepth`, 1,000 by default).
 * No model output is that deep; the limit keeps a hostile text from costing time or stack in later steps.
 */
export class JsonDepthError extends FantasyError {
  /** The deepest nesting the reader accepts. */
  readonly maxDepth: number;
  /** Offset of the opening bracket that went past the limit. */
  readonly position: number;

  constructor(options: JsonDepthErrorOptions) {
    super(
      `JSON nesting deeper than ${options.maxDepth} levels at position ${options.position}: no real output is this deep`,
      options,
    );
    this.name = 'JsonDepthError';
    this.maxDepth = options.maxDepth;
    this.position = options.position;
  }

  static override isInstance(error: unknown): error is JsonDepthError {
    return isMarked(error, 'JsonDepthError');
  }
}
