const marker = Symbol.for('fantasy-ts.error');

/** Options shared by every fantasy-ts error. */
export interface FantasyErrorOptions {
  /** The error that caused this one. */
  cause?: unknown;
}

/**
 * Base class of every error fantasy-ts throws. Subclasses are recognised across realms (two copies of the
 * package, worker boundaries) through `isInstance`, which checks a registered symbol rather than the prototype.
 */
export class FantasyError extends Error {
  readonly [marker] = true;
  /** Whether retrying the same request may succeed. Decided once, when the error is built. */
  readonly isRetryable: boolean = false;

  constructor(message: string, options: FantasyErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'FantasyError';
  }

  /** True when `error` is a fantasy-ts error of any kind, from any copy of the package. */
  static isInstance(error: unknown): error is FantasyError {
    return isMarked(error, 'FantasyError');
  }
}

/** True when `error` carries the fantasy-ts marker and, if given, the class `name`. */
export function isMarked(error: unknown, name?: string): boolean {
  if (typeof error !== 'object' || error === null || !(marker in error)) return false;
  return name === undefined || name === 'FantasyError' || (error as { name?: unknown }).name === name;
}
