import { FantasyError } from '../../errors/fantasy-error.js';
import { InvalidResponseError } from '../../errors/invalid-response-error.js';

/**
 * The error for a wire value of the wrong type (`choices: 5`, `tool_calls: {}`, a numeric tool name):
 * malformed data from the provider, an `InvalidResponseError` (not retryable) whose message names the field,
 * what it is and what was expected, and whose `data` holds the offending JSON (or the whole event, if given).
 */
export function wireTypeError(options: {
  /** Where the value is, e.g. `choices[0].delta.tool_calls`. */
  path: string;
  /** What the field should be, e.g. `an array`. */
  expected: string;
  value: unknown;
  /** The text to keep as `data`; the value's JSON by default. */
  data?: string;
}): InvalidResponseError {
  return new InvalidResponseError({
    message: `${options.path} is ${typeName(options.value)}, expected ${options.expected}`,
    data: options.data ?? safeStringify(options.value),
  });
}

/** `a string`, `an array`, `null`, `an object`... */
export function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (value === undefined) return 'undefined';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/** JSON text of a wire value; never throws. */
export function safeStringify(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/** True for a plain JSON object (not null, not an array). */
export function isWireObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Runs a response mapper so that a wire shape nobody foresaw never escapes as a raw `TypeError` or
 * `RangeError`: our own errors pass through, anything else becomes a non-retryable `InvalidResponseError`
 * holding the response.
 */
export function mapWireSafely<T>(response: unknown, map: () => T): T {
  try {
    return map();
  } catch (error) {
    if (FantasyError.isInstance(error)) throw error;
    const detail = error instanceof Error ? error.message : String(error);
    throw new InvalidResponseError({
      message: `could not read the response (${detail})`,
      data: safeStringify(response),
      cause: error,
    });
  }
}
