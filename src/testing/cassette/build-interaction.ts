import type { CassetteHeaders, CassetteRequest, RecordedInteraction, RecordedRequest } from './cassette.js';
import { cassetteBodyToBytes, toCassetteBody } from './cassette-body.js';
import { formatGoDuration } from './format-go-duration.js';
import { collectSecrets, type Redaction, redactInteraction } from './redact-interaction.js';

/** Everything known about a finished call, before it becomes a cassette entry. */
export interface FinishedCall {
  id: number;
  /** The request as sent: full URL and all headers, secrets included. */
  request: CassetteRequest;
  response: { status: number; statusText: string; headers: Headers };
  /** The response body as the caller received it (already decompressed by fetch). */
  responseBody: Uint8Array;
  durationMilliseconds: number;
  redaction: Redaction;
}

/** Request headers Fantasy (Go) keeps in a cassette; the rest may carry credentials or vary per run. */
const keptRequestHeaders = new Set(['accept', 'content-type', 'user-agent']);
/** fetch decompresses bodies, so the length and coding the server sent no longer describe the stored body. */
const encodingHeaders = new Set(['content-encoding', 'content-length', 'transfer-encoding']);
/** Go's status text for the codes providers send, used when HTTP/2 gives no reason phrase. */
const statusTexts: Record<number, string> = {
  200: 'OK',
  201: 'Created',
  204: 'No Content',
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  408: 'Request Timeout',
  409: 'Conflict',
  413: 'Request Entity Too Large',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

/**
 * Turns a finished call into the interaction written to the cassette, laid out like Fantasy (Go) records it
 * and with every credential removed.
 */
export function buildInteraction(call: FinishedCall): RecordedInteraction {
  const { request, response } = call;
  const responseHeaders = [...response.headers];
  const secrets = collectSecrets({
    redaction: call.redaction,
    url: request.url,
    headers: [...Object.entries(request.headers), ...responseHeaders],
  });
  const transferEncoding = response.headers.get('transfer-encoding');
  const interaction: RecordedInteraction = {
    id: call.id,
    request: buildRequest(request),
    response: {
      proto: 'HTTP/1.1',
      ...(transferEncoding ? { transferEncoding: transferEncoding.split(/\s*,\s*/) } : {}),
      contentLength: call.responseBody.length,
      ...(response.headers.has('content-encoding') ? { uncompressed: true } : {}),
      body: toCassetteBody(call.responseBody, response.headers.get('content-type')),
      headers: toCassetteHeaders(responseHeaders.filter(([name]) => !encodingHeaders.has(name))),
      status: `${response.status} ${response.statusText || statusTexts[response.status] || ''}`.trim(),
      code: response.status,
      duration: formatGoDuration(call.durationMilliseconds),
    },
  };
  return redactInteraction(interaction, call.redaction, secrets);
}

function buildRequest(request: CassetteRequest): RecordedRequest {
  const body = request.body;
  const form = readForm(request.url);
  return {
    proto: 'HTTP/1.1',
    contentLength: cassetteBodyToBytes(body).length,
    host: new URL(request.url).host,
    body,
    ...(form ? { form } : {}),
    headers: toCassetteHeaders(
      Object.entries(request.headers).filter(([name]) => keptRequestHeaders.has(name)),
    ),
    url: request.url,
    method: request.method,
  };
}

/** go-vcr stores the query parameters of a request that has any as `form`. */
function readForm(url: string): CassetteHeaders | undefined {
  const search = new URL(url).searchParams;
  if (search.size === 0) return undefined;
  const form = new Map<string, string[]>();
  for (const [name, value] of search) form.set(name, [...(form.get(name) ?? []), value]);
  // fromEntries defines own properties, so a parameter named `__proto__` stays a parameter.
  return Object.fromEntries(form);
}

function toCassetteHeaders(entries: [string, string][]): CassetteHeaders {
  return Object.fromEntries(entries.map(([name, value]) => [canonicalHeaderName(name), [value]]));
}

/** Go's canonical form: `x-request-id` → `X-Request-Id`. */
function canonicalHeaderName(name: string): string {
  return name
    .toLowerCase()
    .replace(/(^|-)([a-z])/g, (_, dash: string, letter: string) => dash + letter.toUpperCase());
}
