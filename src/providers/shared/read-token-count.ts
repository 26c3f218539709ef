import { isWireObject, safeStringify, wireTypeError } from './wire-type-error.js';

/**
 * A token count read from a provider's usage object: the number, or undefined when the field is absent or
 * `null`. Anything else (a string, an object, a negative or fractional number) is malformed wire data, an
 * `InvalidResponseError` naming the field and holding the usage object, so a wrong count never turns into
 * `NaN` totals.
 */
export function readTokenCount(usage: object, field: string, path: string = field): number | undefined {
  const value = (usage as Record<string, unknown>)[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0) return value;
  throw wireTypeError({
    path: `usage.${path}`,
    expected: 'a token count',
    value,
    data: safeStringify(usage),
  });
}

/** A nested usage object (`prompt_tokens_details`), or undefined; anything but an object is malformed. */
export function readUsageDetails(usage: object, field: string): object | undefined {
  const value = (usage as Record<string, unknown>)[field];
  if (value === undefined || value === null) return undefined;
  if (isWireObject(value)) return value;
  throw wireTypeError({ path: `usage.${field}`, expected: 'an object', value, data: safeStringify(usage) });
}
