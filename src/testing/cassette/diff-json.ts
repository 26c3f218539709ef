/** One place where two JSON values differ. `recorded`/`actual` are absent when the key or item is. */
export interface JsonDifference {
  /** JSONPath of the difference, e.g. `$.messages[1].content`. */
  path: string;
  kind: 'changed' | 'missing-in-actual' | 'missing-in-recorded';
  recorded?: unknown;
  actual?: unknown;
}

/**
 * Lists where two parsed JSON values differ, in document order: changed values, keys or items missing on
 * either side. Empty exactly when the values are equal under the matching rule.
 *
 * @example
 * diffJson({ a: 1, b: [1] }, { a: 2 });
 * // [{ path: '$.a', kind: 'changed', recorded: 1, actual: 2 }, { path: '$.b', kind: 'missing-in-actual', recorded: [1] }]
 */
export function diffJson(recorded: unknown, actual: unknown, path = '$'): JsonDifference[] {
  if (recorded === actual) return [];
  if (isRecord(recorded) && isRecord(actual)) return diffRecords(recorded, actual, path);
  if (Array.isArray(recorded) && Array.isArray(actual)) return diffArrays(recorded, actual, path);
  return [{ path, kind: 'changed', recorded, actual }];
}

function diffRecords(recorded: Record<string, unknown>, actual: Record<string, unknown>, path: string) {
  const keys = [...new Set([...Object.keys(recorded), ...Object.keys(actual)])];
  return keys.flatMap((key) => diffEntry(recorded, actual, key, `${path}${formatKey(key)}`));
}

function diffArrays(recorded: unknown[], actual: unknown[], path: string) {
  const length = Math.max(recorded.length, actual.length);
  const indexes = Array.from({ length }, (_, index) => String(index));
  return indexes.flatMap((index) => diffEntry(recorded, actual, index, `${path}[${index}]`));
}

function diffEntry(recorded: object, actual: object, key: string, path: string): JsonDifference[] {
  const recordedValue = (recorded as Record<string, unknown>)[key];
  const actualValue = (actual as Record<string, unknown>)[key];
  if (!Object.hasOwn(actual, key)) return [{ path, kind: 'missing-in-actual', recorded: recordedValue }];
  if (!Object.hasOwn(recorded, key)) return [{ path, kind: 'missing-in-recorded', actual: actualValue }];
  return diffJson(recordedValue, actualValue, path);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function formatKey(key: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`;
}
