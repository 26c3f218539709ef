import { APICallError } from '../errors/api-call-error.js';
import { FantasyError } from '../errors/fantasy-error.js';
import { type ParseErrorBody, parseCommonErrorBody } from './provider-error-body.js';

/** A JSON POST to a provider. */
export interface PostJsonOptions {
  url: string;
  headers: Record<string, string>;
  body: unknown;
  /** @default globalThis.fetch */
  fetch?: typeof fetch | undefined;
  abortSignal?: AbortSignal | undefined;
  /** Reads the provider's error body. @default parseCommonErrorBody */
  parseErrorBody?: ParseErrorBody | undefined;
}

/** A successful response and what was sent, for error reporting later in the stream. */
export interface PostJsonResult {
  response: Response;
  requestBody: string;
  responseHeaders: Record<string, string>;
}

/**
 * POSTs `body` as JSON. A non-2xx answer or a failed connection throws an `APICallError` carrying the
 * status, the provider's own message, the request id and the headers (retryable on 408/409/429/5xx and on
 * network failures). An abort rejects with the signal's reason, untouched.
 */
export async function postJson(options: PostJsonOptions): Promise<PostJsonResult> {
  const requestBody = JSON.stringify(options.body);
  const fetchFunction = options.fetch ?? globalThis.fetch;
  let response: Response;
  try {
    response = await fetchFunction(options.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', ...options.headers },
      body: requestBody,
      ...(options.abortSignal ? { signal: options.abortSignal } : {}),
    });
  } catch (error) {
    throw connectionError({ error, url: options.url, requestBody, abortSignal: options.abortSignal });
  }
  const responseHeaders = headersToRecord(response.headers);
  if (!response.ok) {
    const text = await readTextSafely(response);
    const parsed = (options.parseErrorBody ?? parseCommonErrorBody)(text);
    throw new APICallError({
      message: parsed?.message ?? (text.trim() === '' ? response.statusText || 'no response body' : text),
      url: options.url,
      statusCode: response.status,
      title: response.statusText.toLowerCase() || undefined,
      requestId: requestIdOf(responseHeaders),
      requestBody,
      responseHeaders,
      responseBody: text,
      errorType: parsed?.type,
    });
  }
  return { response, requestBody, responseHeaders };
}

/** A fetch failure becomes a retryable APICallError; aborts pass through unchanged. */
function connectionError(options: {
  error: unknown;
  url: string;
  requestBody: string;
  abortSignal: AbortSignal | undefined;
}): unknown {
  // Aborts, and our own errors raised inside an injected fetch (a cassette miss), pass through unchanged.
  if (options.abortSignal?.aborted || isAbortError(options.error) || FantasyError.isInstance(options.error)) {
    return options.error;
  }
  const detail = options.error instanceof Error ? options.error.message : String(options.error);
  return new APICallError({
    message: `could not reach the provider (${detail})`,
    url: options.url,
    requestBody: options.requestBody,
    title: 'connection error',
    isRetryable: true,
    cause: options.error,
  });
}

/** True for the errors fetch and AbortSignal raise on abort or timeout. */
export function isAbortError(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
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

async function readTextSafely(response: Response): Promise<string> {
  try {
    return await response.text();
  } catch {
    return '';
  }
}
