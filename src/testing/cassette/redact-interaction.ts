import {
  credentialHeaders,
  credentialQueryParameters,
  isCredentialHeader,
} from '../../http/credential-names.js';
import { scrubSecrets } from '../../http/redact-secrets.js';
import type { CassetteBody, CassetteHeaders, RecordedInteraction } from './cassette.js';
import { cassetteBodyToBytes } from './cassette-body.js';
import { redactBodyFields } from './redact-body-fields.js';
import { readQueryParameters, removeQueryParameters } from './remove-query-parameters.js';

/**
 * What to remove when writing a cassette, added to the defaults. Names are compared case-insensitively.
 *
 * @example
 * createCassetteFetch({ path, mode: 'record', redact: { headers: ['X-Tenant-Token'], bodyFields: ['client_secret', 'user.email'] } });
 */
export interface CassetteRedactOptions {
  /** Header names removed from requests and responses. */
  headers?: string[];
  /** Query parameters removed from recorded URLs (and before matching). */
  queryParameters?: string[];
  /**
   * JSON fields whose values become `REDACTED` in request and response bodies (each `data:` line of an
   * event stream included): a bare name matches at any depth, a dotted path (`user.email`) from the root.
   * A redacted request field no longer matches the live value on replay, so use it for response fields, or
   * together with a `match` that ignores the field.
   */
  bodyFields?: string[];
  /** Further secret values scrubbed wherever they appear, like the credentials a request carried. */
  values?: string[];
  /** Runs last on every interaction written, for anything the lists cannot say. */
  interaction?: (interaction: RecordedInteraction) => RecordedInteraction;
}

/** Headers that carry credentials, removed from every recorded request and response. */
export const defaultRedactedHeaders: readonly string[] = credentialHeaders;

/** Query parameters that carry credentials, removed from recorded URLs and before matching. */
export const defaultRedactedQueryParameters: readonly string[] = credentialQueryParameters;

/** The names to strip, lower-cased, defaults included, and the caller's further rules. */
export interface Redaction {
  headers: ReadonlySet<string>;
  queryParameters: ReadonlySet<string>;
  bodyFields: readonly string[];
  values: readonly string[];
  interaction?: ((interaction: RecordedInteraction) => RecordedInteraction) | undefined;
}

/** Shorter secrets are only replaced where a whole value equals them, so common words survive. */
const minimumSubstringLength = 8;

/** Combines the default names with the caller's extra ones. */
export function createRedaction(options: CassetteRedactOptions = {}): Redaction {
  const lower = (names: readonly string[]) => names.map((name) => name.toLowerCase());
  return {
    headers: new Set(lower([...defaultRedactedHeaders, ...(options.headers ?? [])])),
    queryParameters: new Set(lower([...defaultRedactedQueryParameters, ...(options.queryParameters ?? [])])),
    bodyFields: options.bodyFields ?? [],
    values: options.values ?? [],
    interaction: options.interaction,
  };
}

/** A header whose value is a secret: a default or caller name, or one that looks like a credential. */
function isRedactedHeader(name: string, redaction: Redaction): boolean {
  return redaction.headers.has(name.toLowerCase()) || isCredentialHeader(name);
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
    if (isRedactedHeader(name, options.redaction)) secrets.push(value.trim(), ...tokensOf(value));
  }
  secrets.push(...options.redaction.values);
  return [...new Set(secrets.filter((secret) => secret !== ''))];
}

/**
 * Removes credentials from an interaction before it is written: redacted headers and query parameters go,
 * the caller's body fields become `REDACTED`, and every collected secret is replaced with `REDACTED` wherever
 * it appears (kept headers, the URL, the form, text request and response bodies), raw or percent-encoded.
 * Binary bodies (AWS event-stream frames, checked by CRC) are kept as they are.
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
  const requestBody = redactBody(request.body, redaction, secrets);
  const responseBody = redactBody(response.body, redaction, secrets);
  const redacted: RecordedInteraction = {
    ...interaction,
    request: {
      ...request,
      url: scrub(removeQueryParameters(request.url, redaction.queryParameters), secrets),
      headers: redactHeaders(request.headers, redaction, secrets),
      ...(request.form ? { form: redactForm(request.form, redaction, secrets) } : {}),
      body: requestBody,
      ...(requestBody === request.body ? {} : { contentLength: cassetteBodyToBytes(requestBody).length }),
    },
    response: {
      ...response,
      headers: redactHeaders(response.headers, redaction, secrets),
      body: responseBody,
      ...(responseBody === response.body ? {} : { contentLength: cassetteBodyToBytes(responseBody).length }),
    },
  };
  return redaction.interaction ? redaction.interaction(redacted) : redacted;
}

/** A text body scrubbed of secrets and of the caller's body fields; bytes are kept. */
function redactBody(body: CassetteBody, redaction: Redaction, secrets: readonly string[]): CassetteBody {
  if (typeof body !== 'string') return body;
  return scrub(redactBodyFields(body, redaction.bodyFields), secrets);
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
  return scrubSecrets(value, secrets);
}

/** `Bearer sk-…` → `sk-…`; `AWS4-HMAC-SHA256 Credential=AKIA…/…, Signature=…` → the credential and signature. */
function tokensOf(value: string): string[] {
  return value
    .split(/[\s,]+/)
    .map((part) => part.slice(part.indexOf('=') + 1))
    .flatMap((token) => [token, token.split('/')[0] ?? ''])
    .filter((token) => token.length >= minimumSubstringLength);
}
