import { APICallError } from '../errors/api-call-error.js';
import { ContextWindowExceededError } from '../errors/context-window-exceeded-error.js';
import { FantasyError } from '../errors/fantasy-error.js';
import { InvalidArgumentError } from '../errors/invalid-argument-error.js';
import type { RequestOptions } from '../spec/call-options.js';
import type { RefreshAuth, RefreshedAuth } from './auth-refresh.js';
import { withDefaultTimeouts } from './default-timeouts.js';
import { fetchWithinOrigin, type SignRequest } from './fetch-within-origin.js';
import { parseContextWindowError } from './parse-context-window-error.js';
import { type ParseErrorBody, parseCommonErrorBody } from './provider-error-body.js';
import { defaultMaxResponseBytes, readBodyText } from './read-body-text.js';
import { redactError, secretsOfRequest } from './redact-secrets.js';
import { createRequestWatchdog, type RequestWatchdog } from './request-watchdog.js';
import { resolveHeaders } from './resolve-headers.js';
import { transportErrorCode } from './transport-error-code.js';

/** Error bodies are cut here: a provider's message never needs more. */
const errorBodyLimit = 1024 * 1024;

/** A JSON POST to a provider. */
export interface PostJsonOptions {
  url: string;
  headers: Record<string, string>;
  body: unknown;
  /** @default globalThis.fetch */
  fetch?: typeof fetch | undefined;
  abortSignal?: AbortSignal | undefined;
  /**
   * The call's timeouts, enforced until the response body has been read (see `RequestWatchdog`). Unset limits
   * take `defaultTimeouts` (10 min total, 60 s between chunks, and 60 s to the first chunk when `stream`).
   */
  timeout?: RequestOptions['timeout'] | undefined;
  /** Whether the response is a stream (the first-chunk default applies only then). @default false */
  stream?: boolean | undefined;
  /** The largest decoded body read whole (JSON, error bodies). @default 64 MiB */
  maxResponseBytes?: number | undefined;
  /** Reads the provider's error body. @default parseCommonErrorBody */
  parseErrorBody?: ParseErrorBody | undefined;
  /** Adds a signature to each request sent (Bedrock SigV4), redirected ones included. */
  signRequest?: SignRequest | undefined;
  /**
   * Called once when the provider refuses the credentials (`isAuthError`, e.g. a 401): resolves to the
   * headers (and signer) of one more attempt, or undefined to give up with the error.
   */
  refreshAuth?: RefreshAuth | undefined;
}

/** A successful response and what was sent, for error reporting later in the stream. */
export interface PostJsonResult {
  response: Response;
  requestBody: string;
  responseHeaders: Record<string, string>;
  /** The largest body `readJsonResponse` reads whole, in decoded bytes. */
  maxResponseBytes: number;
  /** Removes the credentials this request sent from an error (in place) and returns it; use it on every error raised later. */
  redactError: <T>(error: T) => T;
  /**
   * Guards the body with the call's timeouts and signal; read the body through it (`readBodyText`,
   * `openSseStream`) and dispose of it at the end. Absent when the call has neither.
   */
  watchdog?: RequestWatchdog | undefined;
}

/**
 * POSTs `body` as JSON, with `redirect: 'manual'`: redirects are followed only within the URL's origin (see
 * `fetchWithinOrigin`), so no credential reaches another host. A non-2xx answer or a failed connection throws an `APICallError` carrying the
 * status, the provider's own message, the request id and the headers (retryable on 408/409/429/5xx and on
 * network failures). An abort rejects with the signal's reason, untouched; a timeout with a `TimeoutError`.
 * Every header is checked before it is sent (a broken key fails as an `InvalidArgumentError` that does not
 * show it), and every credential sent is scrubbed from every error raised (message, cause, response body and
 * headers), a provider echoing the key in its 401 body included.
 */
export async function postJson(options: PostJsonOptions): Promise<PostJsonResult> {
  const requestBody = serializeBody(options.body);
  // The credential values of every request sent, so that no error we raise can show them.
  const secrets: string[] = [];
  const redact = <T>(error: T): T =>
    error === options.abortSignal?.reason ? error : redactError(error, secrets);
  const watchdog = createRequestWatchdog({
    timeout: withDefaultTimeouts(options.timeout, { stream: options.stream === true }),
    abortSignal: options.abortSignal,
    url: options.url,
  });
  const send = (credentials: RefreshedAuth) =>
    sendRequest({ options, credentials, requestBody, watchdog, secrets, redact });
  let response = await send({ headers: options.headers, signRequest: options.signRequest });
  let responseHeaders = headersToRecord(response.headers);
  if (!response.ok) {
    let error = await statusError({ response, responseHeaders, requestBody, watchdog, options });
    const refreshed = error.isAuthError ? await refreshOnce(options, error) : undefined;
    if (refreshed !== undefined) {
      response = await send(refreshed);
      responseHeaders = headersToRecord(response.headers);
      if (!response.ok)
        error = await statusError({ response, responseHeaders, requestBody, watchdog, options });
    }
    if (!response.ok) {
      watchdog?.dispose();
      throw redact(error);
    }
  }
  return {
    response,
    requestBody,
    responseHeaders,
    maxResponseBytes: options.maxResponseBytes ?? defaultMaxResponseBytes,
    redactError: redact,
    ...(watchdog ? { watchdog } : {}),
  };
}

/** One send through `fetchWithinOrigin`; a failed connection becomes a (scrubbed) `APICallError`. */
async function sendRequest(context: {
  options: PostJsonOptions;
  credentials: RefreshedAuth;
  requestBody: string;
  watchdog: RequestWatchdog | undefined;
  secrets: string[];
  redact: <T>(error: T) => T;
}): Promise<Response> {
  const { options, watchdog } = context;
  try {
    return await fetchWithinOrigin({
      request: {
        url: options.url,
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/json',
          ...context.credentials.headers,
        },
        body: context.requestBody,
      },
      fetch: options.fetch ?? globalThis.fetch,
      signal: watchdog?.signal,
      guard: watchdog ? (pending) => watchdog.guard(pending) : undefined,
      sign: context.credentials.signRequest,
      onSend: (request) => context.secrets.push(...secretsOfRequest(request)),
    });
  } catch (error) {
    watchdog?.dispose();
    throw context.redact(
      connectionError({
        error: watchdog?.failure?.error ?? error,
        url: options.url,
        requestBody: context.requestBody,
        abortSignal: options.abortSignal,
      }),
    );
  }
}

/**
 * Asks the provider's `refreshAuth` for new credentials after an auth error; undefined when there is no hook,
 * it declined, or it failed (then the original error is what the caller gets, as in Fantasy).
 */
async function refreshOnce(
  options: PostJsonOptions,
  error: APICallError,
): Promise<RefreshedAuth | undefined> {
  if (options.refreshAuth === undefined) return undefined;
  try {
    return await options.refreshAuth(error);
  } catch {
    return undefined;
  }
}

/**
 * The `APICallError` of a non-2xx answer, with the provider's message read from its body; a
 * `ContextWindowExceededError` when the message says the prompt is too long for the model.
 */
async function statusError(context: {
  response: Response;
  responseHeaders: Record<string, string>;
  requestBody: string;
  watchdog: RequestWatchdog | undefined;
  options: PostJsonOptions;
}): Promise<APICallError> {
  const { response, responseHeaders } = context;
  const limit = context.options.maxResponseBytes ?? defaultMaxResponseBytes;
  const text = await readTextSafely(response, context.watchdog, limit);
  const parsed = (context.options.parseErrorBody ?? parseCommonErrorBody)(text);
  const details = {
    message: parsed?.message ?? (text.trim() === '' ? response.statusText || 'no response body' : text),
    url: context.options.url,
    statusCode: response.status,
    title: response.statusText.toLowerCase() || undefined,
    requestId: requestIdOf(responseHeaders),
    requestBody: context.requestBody,
    responseHeaders,
    responseBody: text,
    errorType: parsed?.type,
  };
  const counts = response.status < 500 ? parseContextWindowError(details.message, parsed?.type) : undefined;
  if (counts === undefined) return new APICallError(details);
  return new ContextWindowExceededError({ ...details, title: undefined, ...counts });
}

/** The body as JSON; a value JSON cannot hold (a BigInt, a cycle) is the caller's to fix. */
function serializeBody(body: unknown): string {
  try {
    return JSON.stringify(body);
  } catch (cause) {
    throw new InvalidArgumentError({
      argument: 'request',
      message: `the request cannot be sent as JSON (${(cause as Error).message}); messages, tool schemas and provider options must hold JSON values`,
      cause,
    });
  }
}

/**
 * A fetch failure becomes a retryable APICallError whose message keeps the cause's code: "could not reach
 * https://api.example.com (ECONNREFUSED)". Aborts, and fantasy-ts errors raised inside an injected fetch (a
 * `CassetteMissError`), pass through unchanged.
 */
function connectionError(options: {
  error: unknown;
  url: string;
  requestBody: string;
  abortSignal: AbortSignal | undefined;
}): unknown {
  if (options.abortSignal?.aborted || isAbortError(options.error) || FantasyError.isInstance(options.error)) {
    return options.error;
  }
  return new APICallError({
    message: `could not reach ${originOf(options.url)} (${describeTransportError(options.error)})`,
    url: options.url,
    requestBody: options.requestBody,
    title: 'connection error',
    isRetryable: true,
    cause: options.error,
  });
}

/** The cause's transport code when it has one (`ECONNREFUSED`), else its message. */
export function describeTransportError(error: unknown): string {
  const code = transportErrorCode(error);
  const detail = error instanceof Error ? error.message : String(error);
  if (code === undefined) return detail;
  return detail === '' || detail === 'fetch failed' || detail.includes(code) ? code : `${code}: ${detail}`;
}

function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return url;
  }
}

/**
 * True for the errors fetch and AbortSignal raise on abort or on `AbortSignal.timeout`. Our own
 * `TimeoutError` shares the DOM name but is not an abort: it is decided by its `isRetryable`.
 */
export function isAbortError(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    !FantasyError.isInstance(error) &&
    ((error as { name?: unknown }).name === 'AbortError' ||
      (error as { name?: unknown }).name === 'TimeoutError')
  );
}

/** The request id providers put in their response headers, if any. */
export function requestIdOf(headers: Record<string, string>): string | undefined {
  return headers['x-request-id'] ?? headers['request-id'] ?? headers['x-amzn-requestid'] ?? headers['cf-ray'];
}

/** Headers as a plain object with lower-case names. */
export function headersToRecord(headers: Headers): Record<string, string> {
  const record: Record<string, string> = {};
  headers.forEach((value, name) => {
    record[name] = value;
  });
  return record;
}

/** An error body, cut at 1 MiB (or the call's limit when lower): enough for any provider's message. */
async function readTextSafely(response: Response, watchdog: RequestWatchdog | undefined, limit: number) {
  try {
    return await readBodyText(response, watchdog, {
      maxBytes: Math.min(limit, errorBodyLimit),
      truncate: true,
    });
  } catch {
    return '';
  }
}

/** How a provider reaches its service, for `postCall`. */
export interface ProviderConnection {
  /** The provider's headers for this request (auth included). */
  headers: Record<string, string>;
  userAgent?: string | undefined;
  fetch?: typeof fetch | undefined;
  /** Adds a signature to each request sent (Bedrock SigV4). */
  signRequest?: SignRequest | undefined;
  /** New credentials after an auth error, for one more attempt (the provider's `onAuthRefresh`). */
  refreshAuth?: RefreshAuth | undefined;
}

/**
 * POSTs one model call: the provider's headers and User-Agent under the call's overrides, the call's abort
 * signal and timeouts. Every provider's request goes through here.
 */
export function postCall(options: {
  url: string;
  body: unknown;
  call: RequestOptions;
  connection: ProviderConnection;
  parseErrorBody?: ParseErrorBody | undefined;
  /** Whether the answer is streamed. @default false */
  stream?: boolean | undefined;
}): Promise<PostJsonResult> {
  const { call, connection } = options;
  return postJson({
    url: options.url,
    headers: resolveHeaders({
      providerHeaders: connection.headers,
      providerUserAgent: connection.userAgent,
      callHeaders: call.headers,
      callUserAgent: call.userAgent,
    }),
    body: options.body,
    fetch: connection.fetch,
    abortSignal: call.abortSignal,
    timeout: call.timeout,
    stream: options.stream,
    maxResponseBytes: call.maxResponseBytes,
    parseErrorBody: options.parseErrorBody,
    signRequest: connection.signRequest,
    refreshAuth: connection.refreshAuth,
  });
}
