import type { CassetteHeaders, RecordedInteraction } from './cassette.js';
import { readQueryParameters, removeQueryParameters } from './remove-query-parameters.js';

/** Extra names to strip when writing a cassette, added to the defaults. Compared case-insensitively. */
export interface CassetteRedactOptions {
  headers?: string[];
  queryParameters?: string[];
}

/** Headers that carry credentials, removed from every recorded request and response. */
export const defaultRedactedHeaders: readonly string[] = [
  'authorization',
  'proxy-authorization',
  'x-api-key',
  'api-key',
  'x-goog-api-key',
  'cookie',
  'set-cookie',
  // AWS SigV4 sends its signature in `authorization`; the session token is a credential too.
  'x-amz-security-token',
];

/** Query parameters that carry credentials, removed from recorded URLs and before matching. */
export const defaultRedactedQueryParameters: readonly string[] = [
  'key',
  'api_key',
  'apikey',
  'api-key',
  'access_token',
  'token',
  'x-amz-signature',
  'x-amz-credential',
  'x-amz-security-token',
];

/** The names to strip, lower-cased, defaults included. */
export interface Redaction {
  headers: ReadonlySet<string>;
  queryParameters: ReadonlySet<string>;
}

/** What replaces a secret found inside a value that is kept. */
const placeholder = 'REDACTED';
/** Shorter secrets are only replaced where a whole value equals them, so common words survive. */
const minimumSubstringLength = 8;

/** Combines the default names with the caller's extra ones. */
export function createRedaction(options: CassetteRedactOptions = {}): Redaction {
  const lower = (names: readonly string[]) => names.map((name) => name.toLowerCase());
  return {
    headers: new Set(lower([...defaultRedactedHeaders, ...(options.headers ?? [])])),
    queryParameters: new Set(lower([...defaultRedactedQueryParameters, ...(options.queryParameters ?? [])])),
  };
}

/**
 * The secret values a call carried: the values of redacted headers (and the token after a scheme such as
 * `Bearer`) and of redacted query parameters. They are scrubbed from whatever is kept.
 */
export function collectSecrets(options: {
  redaction: Redaction;
  url: string;
  headers: Iterable<[string, string]>;
}): string[] {
  const secrets = readQueryParameters(options.url, options.redaction.queryParameters);
  for (const [name, value] of options.headers) {
    if (options.redaction.headers.has(name.toLowerCase())) secrets.push(value.trim(), ...tokensOf(value));
  }
  return [...new Set(secrets.filter((secret) => secret !== ''))];
}

/**
 * Removes credentials from an interaction before it is written: redacted headers and query parameters go,
 * and any kept header value or URL containing a collected secret has it replaced with `REDACTED`.
 *
 * @example
 * redactInteraction(interaction, createRedaction(), ['sk-secret']);
 */
export function redactInteraction(
  interaction: RecordedInteraction,
  redaction: Redaction,
  secrets: readonly string[],
): RecordedInteraction {
  const { request, response } = interaction;
  return {
    ...interaction,
    request: {
      ...request,
      url: scrub(removeQueryParameters(request.url, redaction.queryParameters), secrets),
      headers: redactHeaders(request.headers, redaction, secrets),
      ...(request.form ? { form: redactForm(request.form, redaction, secrets) } : {}),
    },
    response: { ...response, headers: redactHeaders(response.headers, redaction, secrets) },
  };
}

function redactHeaders(headers: CassetteHeaders, redaction: Redaction, secrets: readonly string[]) {
  const kept = Object.entries(headers).filter(([name]) => !redaction.headers.has(name.toLowerCase()));
  return Object.fromEntries(
    kept.map(([name, values]) => [name, values.map((value) => scrub(value, secrets))]),
  );
}

function redactForm(form: CassetteHeaders, redaction: Redaction, secrets: readonly string[]) {
  const kept = Object.entries(form).filter(([name]) => !redaction.queryParameters.has(name.toLowerCase()));
  return Object.fromEntries(
    kept.map(([name, values]) => [name, values.map((value) => scrub(value, secrets))]),
  );
}

function scrub(value: string, secrets: readonly string[]): string {
  let scrubbed = value;
  for (const secret of secrets) {
    if (scrubbed === secret) return placeholder;
    if (secret.length >= minimumSubstringLength) scrubbed = scrubbed.replaceAll(secret, placeholder);
  }
  return scrubbed;
}

/** `Bearer sk-…` → `sk-…`; `AWS4-HMAC-SHA256 Credential=AKIA…/…, Signature=…` → the credential and signature. */
function tokensOf(value: string): string[] {
  return value
    .split(/[\s,]+/)
    .map((part) => part.slice(part.indexOf('=') + 1))
    .filter((token) => token.length >= minimumSubstringLength);
}
