import { credentialQueryParameters, isCredentialHeader } from './credential-names.js';

/** What replaces a secret. */
export const redactedPlaceholder = 'REDACTED';
/** Shorter secrets are only replaced where a whole value equals them, so common words survive. */
const minimumSubstringLength = 8;

/**
 * The secret values one request carried: each credential header's value, the token after its scheme
 * (`Bearer sk-…`), the parts of a SigV4 `authorization` (access key id, signature), and credential query
 * parameters of the URL.
 */
export function secretsOfRequest(request: {
  url: string;
  headers: Iterable<[string, string]> | Record<string, string>;
}): string[] {
  const secrets = credentialQueryValues(request.url, new Set(credentialQueryParameters));
  const entries = Symbol.iterator in request.headers ? request.headers : Object.entries(request.headers);
  for (const [name, value] of entries as Iterable<[string, string]>) {
    if (isCredentialHeader(name)) secrets.push(value.trim(), ...tokensOf(value));
  }
  return [...new Set(secrets.filter((secret) => secret !== ''))];
}

/** The values of the named query parameters of a URL (names compared case-insensitively). */
export function credentialQueryValues(url: string, names: ReadonlySet<string>): string[] {
  const queryIndex = url.indexOf('?');
  if (queryIndex === -1) return [];
  const search = new URLSearchParams(url.slice(queryIndex + 1).split('#')[0]);
  return [...search].filter(([name]) => names.has(name.toLowerCase())).map(([, value]) => value);
}

/**
 * `Bearer sk-…` → `sk-…`; `AWS4-HMAC-SHA256 Credential=AKIA…/20250101/…, Signature=…` → the credential, its
 * access key id and the signature.
 */
function tokensOf(value: string): string[] {
  const tokens: string[] = [];
  for (const part of value.split(/[\s,]+/)) {
    const token = part.slice(part.indexOf('=') + 1);
    tokens.push(token, token.split('/')[0] ?? '');
  }
  return tokens.filter((token) => token.length >= minimumSubstringLength);
}

/** The ways a secret may be written back to us: raw, percent-encoded (either case), form-encoded, JSON-escaped. */
function spellingsOf(secret: string): string[] {
  const encoded = encodeURIComponent(secret);
  const spellings = [
    secret,
    encoded,
    encoded.replace(/%[0-9A-F]{2}/g, (code) => code.toLowerCase()),
    new URLSearchParams({ s: secret }).toString().slice(2),
    JSON.stringify(secret).slice(1, -1),
  ];
  return [...new Set(spellings)].sort((a, b) => b.length - a.length);
}

/**
 * Replaces every secret in `text` with `REDACTED`, in each of its spellings. A secret shorter than 8
 * characters is replaced only where it is the whole text.
 *
 * @example
 * scrubSecrets('bad key sk-0123456789', ['sk-0123456789']); // 'bad key REDACTED'
 */
export function scrubSecrets(text: string, secrets: readonly string[]): string {
  let scrubbed = text;
  for (const secret of secrets) {
    if (scrubbed === secret) return redactedPlaceholder;
    if (secret.length < minimumSubstringLength) continue;
    for (const spelling of spellingsOf(secret)) scrubbed = scrubbed.replaceAll(spelling, redactedPlaceholder);
  }
  return scrubbed;
}

/** Text fields of our errors (and of common causes) that may hold what a server or a runtime said. */
const textFields = [
  'message',
  'stack',
  'providerMessage',
  'responseBody',
  'requestBody',
  'url',
  'data',
  'rawText',
];
/** How deep a chain of causes is followed. */
const maximumDepth = 16;

/**
 * Removes `secrets` from an error in place, and from its causes (`cause`, `errors`): message, stack, the
 * provider's message, the response body and headers, the request body and URL, and the data of an
 * invalid response. Returns the same error.
 */
export function redactError<T>(error: T, secrets: readonly string[]): T {
  if (secrets.length > 0) redactValue(error, secrets, new Set(), 0);
  return error;
}

function redactValue(value: unknown, secrets: readonly string[], seen: Set<object>, depth: number): void {
  if (typeof value !== 'object' || value === null || seen.has(value) || depth > maximumDepth) return;
  seen.add(value);
  const record = value as Record<string, unknown>;
  for (const field of textFields) {
    const text = readField(record, field);
    if (typeof text !== 'string') continue;
    const scrubbed = scrubSecrets(text, secrets);
    if (scrubbed !== text) replaceField(record, field, scrubbed);
  }
  const headers = readField(record, 'responseHeaders');
  if (typeof headers === 'object' && headers !== null) redactHeaders(record, headers, secrets);
  redactValue(readField(record, 'cause'), secrets, seen, depth + 1);
  const errors = readField(record, 'errors');
  if (Array.isArray(errors)) for (const inner of errors) redactValue(inner, secrets, seen, depth + 1);
}

function redactHeaders(record: Record<string, unknown>, headers: object, secrets: readonly string[]): void {
  let changed = false;
  const entries = Object.entries(headers).map(([name, value]) => {
    const scrubbed = typeof value === 'string' ? scrubSecrets(value, secrets) : value;
    changed ||= scrubbed !== value;
    return [name, scrubbed];
  });
  if (changed) replaceField(record, 'responseHeaders', Object.fromEntries(entries));
}

function readField(record: Record<string, unknown>, field: string): unknown {
  try {
    return record[field];
  } catch {
    return undefined;
  }
}

/** Replaces a field, readonly or not, keeping whether it is enumerable; a frozen object is left as it is. */
function replaceField(record: Record<string, unknown>, field: string, value: unknown): void {
  const enumerable = Object.prototype.propertyIsEnumerable.call(record, field);
  try {
    Object.defineProperty(record, field, { value, writable: true, configurable: true, enumerable });
  } catch {
    // A frozen or non-configurable field: nothing we can do without replacing the error.
  }
}
