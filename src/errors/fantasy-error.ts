const marker = Symbol.for('fantasy-ts.error');
/** The class names a subclass also answers to (`ContextWindowExceededError` is an `APICallError`). */
const kinds = Symbol.for('fantasy-ts.error.kinds');

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

/** True when `error` carries the fantasy-ts marker and, if given, the class `name` (its own or a parent's). */
export function isMarked(error: unknown, name?: string): boolean {
  if (typeof error !== 'object' || error === null || !(marker in error)) return false;
  if (name === undefined || name === 'FantasyError' || (error as { name?: unknown }).name === name)
    return true;
  const names = (error as { [kinds]?: unknown })[kinds];
  return Array.isArray(names) && names.includes(name);
}

/**
 * Records that `error` is also a `name` (called by a class whose subclasses change `name`), so
 * `isInstance` of that class accepts the subclasses across realms too.
 */
export function markKind(error: FantasyError, name: string): void {
  const record = error as unknown as { [kinds]?: string[] };
  const names = record[kinds];
  if (names) names.push(name);
  else Object.defineProperty(record, kinds, { value: [name], enumerable: false });
}
