import type { CassetteBody, CassetteRequest, RecordedRequest } from './cassette.js';
import { cassetteBodyToBytes, cassetteBodyToText } from './cassette-body.js';

/**
 * The rule Fantasy (Go) records and replays with: method and full URL equal, and bodies equal either as
 * text after normalizing line endings, or as parsed JSON (key order free, numbers compared by value, a
 * missing key is not `null`). Headers are not compared.
 *
 * @example
 * createCassetteFetch({ path, match: (actual, recorded) => matchRequest(actual, recorded) });
 */
export function matchRequest(actual: CassetteRequest, recorded: RecordedRequest): boolean {
  return (
    actual.method.toUpperCase() === recorded.method.toUpperCase() &&
    actual.url === recorded.url &&
    bodiesMatch(actual.body, recorded.body)
  );
}

/** The matcher a cassette fetch uses unless told otherwise: `matchRequest`. */
export const defaultMatcher: typeof matchRequest = matchRequest;

/** Whether two bodies are equal under the matching rule, as text or as JSON. */
export function bodiesMatch(actual: CassetteBody, recorded: CassetteBody): boolean {
  const actualText = cassetteBodyToText(actual);
  const recordedText = cassetteBodyToText(recorded);
  if (actualText === undefined || recordedText === undefined) return bytesEqual(actual, recorded);
  const normalizedActual = normalizeLineEndings(actualText);
  const normalizedRecorded = normalizeLineEndings(recordedText);
  if (normalizedActual === normalizedRecorded) return true;
  const actualJson = parseJson(normalizedActual);
  const recordedJson = parseJson(normalizedRecorded);
  return actualJson.ok && recordedJson.ok && jsonEqual(actualJson.value, recordedJson.value);
}

/**
 * Turns `\r\n` into `\n`, and the escaped sequence `\\r\\n` inside JSON strings into `\\n`, as the Go
 * matcher does, so a body recorded on one platform matches one sent from another.
 */
export function normalizeLineEndings(text: string): string {
  return text.replaceAll('\r\n', '\n').replaceAll('\\r\\n', '\\n');
}

/** Parses JSON without throwing. */
export function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

/** Deep equality of parsed JSON: key order free, array order kept, a missing key differs from `null`. */
export function jsonEqual(left: unknown, right: unknown): boolean {
  if (left === right) return true;
  if (typeof left !== 'object' || typeof right !== 'object' || left === null || right === null) return false;
  if (Array.isArray(left) || Array.isArray(right)) {
    return Array.isArray(left) && Array.isArray(right) && arraysEqual(left, right);
  }
  const leftRecord = left as Record<string, unknown>;
  const rightRecord = right as Record<string, unknown>;
  const keys = Object.keys(leftRecord);
  if (keys.length !== Object.keys(rightRecord).length) return false;
  return keys.every((key) => Object.hasOwn(rightRecord, key) && jsonEqual(leftRecord[key], rightRecord[key]));
}

function arraysEqual(left: unknown[], right: unknown[]): boolean {
  return left.length === right.length && left.every((item, index) => jsonEqual(item, right[index]));
}

function bytesEqual(left: CassetteBody, right: CassetteBody): boolean {
  const leftBytes = cassetteBodyToBytes(left);
  const rightBytes = cassetteBodyToBytes(right);
  return (
    leftBytes.length === rightBytes.length && leftBytes.every((byte, index) => byte === rightBytes[index])
  );
}
