import type { CliOutput } from './cli-environment.js';

/**
 * One stream part as one line of JSON: bytes as base64 text, errors as `{ name, message }` (JSON would
 * write an Error as `{}`), everything else as `JSON.stringify` writes it.
 */
export function toJsonLine(part: unknown): string {
  return `${JSON.stringify(normalizeErrorPart(part), replaceUnserializable)}\n`;
}

/** Writes a part to `output` as a JSON line. */
export function writeJsonLine(output: CliOutput, part: unknown): void {
  output.write(toJsonLine(part));
}

/** An error as the JSON output shows it. */
export function errorToJson(error: unknown): { name: string; message: string } {
  return error instanceof Error
    ? { name: error.name, message: error.message }
    : { name: 'Error', message: String(error) };
}

/** An `error` part may carry any thrown value; show it like an Error. */
function normalizeErrorPart(part: unknown): unknown {
  const candidate = part as { type?: unknown; error?: unknown } | null;
  return candidate?.type === 'error' ? { ...candidate, error: errorToJson(candidate.error) } : part;
}

function replaceUnserializable(_key: string, value: unknown): unknown {
  if (value instanceof Uint8Array) return bytesToBase64(value);
  if (value instanceof Error) return errorToJson(value);
  return value;
}

function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let start = 0; start < bytes.length; start += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(start, start + 0x8000));
  }
  return btoa(binary);
}
