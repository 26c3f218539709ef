import type { CassetteBody, CassetteRequest, RecordedInteraction, RecordedRequest } from './cassette.js';
import { cassetteBodyToBytes, cassetteBodyToText } from './cassette-body.js';
import { diffJson, type JsonDifference } from './diff-json.js';
import { bodiesMatch, normalizeLineEndings, parseJson } from './match-request.js';

/** More lines than this and a miss message stops being read. */
const maximumLines = 10;
/** Characters of a value shown around the place it differs. */
const excerptLength = 60;

/**
 * Says how a request differs from a recorded one, one line per difference: method, URL, and for JSON bodies
 * each differing JSON path with the recorded and actual values (`$.messages[1].content: recorded "x" actual
 * "y"`), otherwise where the text or bytes first differ.
 *
 * @example
 * describeRequestDifference(actual, interaction.request);
 * // ['$.max_tokens: recorded 4000 actual 1000', '$.tools: missing in actual (recorded [{"type":…)']
 */
export function describeRequestDifference(actual: CassetteRequest, recorded: RecordedRequest): string[] {
  const lines: string[] = [];
  if (actual.method.toUpperCase() !== recorded.method.toUpperCase()) {
    lines.push(`method: recorded ${recorded.method} actual ${actual.method}`);
  }
  if (actual.url !== recorded.url) lines.push(`url: recorded ${recorded.url} actual ${actual.url}`);
  lines.push(...describeBodyDifference(actual.body, recorded.body));
  if (lines.length <= maximumLines) return lines;
  return [...lines.slice(0, maximumLines), `… and ${lines.length - maximumLines} more differences`];
}

/**
 * The recorded interaction most like the request: same URL first, then same method, then fewest body
 * differences; the earliest wins a tie. Undefined when there are none.
 */
export function findClosestInteraction(
  actual: CassetteRequest,
  candidates: readonly RecordedInteraction[],
): RecordedInteraction | undefined {
  let closest: RecordedInteraction | undefined;
  let closestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    const candidateDistance = distance(actual, candidate.request);
    if (candidateDistance < closestDistance) [closest, closestDistance] = [candidate, candidateDistance];
  }
  return closest;
}

/** Formats one JSON difference as a line of a miss message. */
export function formatJsonDifference(difference: JsonDifference): string {
  switch (difference.kind) {
    case 'missing-in-actual':
      return `${difference.path}: missing in actual (recorded ${truncate(JSON.stringify(difference.recorded))})`;
    case 'missing-in-recorded':
      return `${difference.path}: not in the recording (actual ${truncate(JSON.stringify(difference.actual))})`;
    case 'changed':
      return `${difference.path}: ${describeChange(difference.recorded, difference.actual)}`;
  }
}

function distance(actual: CassetteRequest, recorded: RecordedRequest): number {
  const urlDistance = actual.url === recorded.url ? 0 : 2_000_000;
  const methodDistance = actual.method.toUpperCase() === recorded.method.toUpperCase() ? 0 : 1_000_000;
  return urlDistance + methodDistance + Math.min(countBodyDifferences(actual.body, recorded.body), 999_999);
}

function countBodyDifferences(actual: CassetteBody, recorded: CassetteBody): number {
  if (bodiesMatch(actual, recorded)) return 0;
  const json = parseJsonBodies(actual, recorded);
  return json ? diffJson(json.recorded, json.actual).length : 1;
}

function describeBodyDifference(actual: CassetteBody, recorded: CassetteBody): string[] {
  if (bodiesMatch(actual, recorded)) return [];
  const json = parseJsonBodies(actual, recorded);
  if (json) return diffJson(json.recorded, json.actual).map(formatJsonDifference);
  const actualText = cassetteBodyToText(actual);
  const recordedText = cassetteBodyToText(recorded);
  if (actualText === undefined || recordedText === undefined)
    return [describeBytesDifference(actual, recorded)];
  return [`body: ${describeTextDifference(recordedText, actualText)}`];
}

function parseJsonBodies(actual: CassetteBody, recorded: CassetteBody) {
  const actualText = cassetteBodyToText(actual);
  const recordedText = cassetteBodyToText(recorded);
  if (actualText === undefined || recordedText === undefined) return undefined;
  const actualJson = parseJson(normalizeLineEndings(actualText));
  const recordedJson = parseJson(normalizeLineEndings(recordedText));
  if (!actualJson.ok || !recordedJson.ok) return undefined;
  return { actual: actualJson.value, recorded: recordedJson.value };
}

function describeChange(recorded: unknown, actual: unknown): string {
  if (typeof recorded === 'string' && typeof actual === 'string')
    return describeTextDifference(recorded, actual);
  return `recorded ${truncate(JSON.stringify(recorded))} actual ${truncate(JSON.stringify(actual))}`;
}

/** Shows both texts from a little before the first character where they differ. */
function describeTextDifference(recorded: string, actual: string): string {
  const start = Math.max(0, firstDifference(recorded, actual) - 20);
  return `recorded ${quotedExcerpt(recorded, start)} actual ${quotedExcerpt(actual, start)}`;
}

function describeBytesDifference(actual: CassetteBody, recorded: CassetteBody): string {
  const actualBytes = cassetteBodyToBytes(actual);
  const recordedBytes = cassetteBodyToBytes(recorded);
  const at = firstDifference(recordedBytes, actualBytes);
  return `body: recorded ${recordedBytes.length} bytes actual ${actualBytes.length} bytes, first difference at byte ${at}`;
}

function firstDifference(left: ArrayLike<unknown>, right: ArrayLike<unknown>): number {
  let index = 0;
  while (index < left.length && index < right.length && left[index] === right[index]) index++;
  return index;
}

function quotedExcerpt(text: string, start: number): string {
  const end = start + excerptLength;
  return `${start > 0 ? '…' : ''}${JSON.stringify(text.slice(start, end))}${end < text.length ? '…' : ''}`;
}

function truncate(text: string): string {
  return text.length > excerptLength ? `${text.slice(0, excerptLength)}…` : text;
}
