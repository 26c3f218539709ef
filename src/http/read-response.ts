import { APICallError } from '../errors/api-call-error.js';
import { FantasyError } from '../errors/fantasy-error.js';
import { InvalidResponseError } from '../errors/invalid-response-error.js';
import type { PostJsonResult } from './post-json.js';
import { isAbortError, requestIdOf } from './post-json.js';
import { type ParseErrorBody, parseCommonErrorBody } from './provider-error-body.js';
import { decodeSseStream, type SseEvent } from './sse.js';

/**
 * Reads a 2xx JSON body. Leading whitespace (OpenRouter's keep-alive lines) is fine; a body that is not
 * JSON (an HTML error page served with 200) throws an `InvalidResponseError` carrying the text.
 */
export async function readJsonResponse(posted: PostJsonResult, url: string): Promise<unknown> {
  let text: string;
  try {
    text = await posted.response.text();
  } catch (error) {
    throw midStreamError(error, url);
  }
  try {
    return JSON.parse(text);
  } catch (cause) {
    throw new InvalidResponseError({
      message: `${url} answered with a body that is not JSON`,
      data: text,
      cause,
    });
  }
}

/**
 * Opens a 2xx event-stream body. A JSON body where an event stream was asked for is read as a provider error
 * (`APICallError`) when it looks like one, else as an `InvalidResponseError`; so is an HTML page.
 */
export async function openSseStream(
  posted: PostJsonResult,
  url: string,
  parseErrorBody: ParseErrorBody = parseCommonErrorBody,
): Promise<AsyncIterable<SseEvent>> {
  const contentType = posted.responseHeaders['content-type'] ?? '';
  const body = posted.response.body;
  if (contentType.includes('application/json') || contentType.includes('text/html') || body === null) {
    const text = body === null ? '' : await posted.response.text();
    const parsed = parseErrorBody(text);
    if (parsed) {
      throw new APICallError({
        message: parsed.message,
        url,
        statusCode: posted.response.status,
        requestId: requestIdOf(posted.responseHeaders),
        requestBody: posted.requestBody,
        responseHeaders: posted.responseHeaders,
        responseBody: text,
        errorType: parsed.type,
      });
    }
    throw new InvalidResponseError({
      message: `${url} answered ${contentType || 'nothing'} where an event stream was expected`,
      data: text,
    });
  }
  return decodeSseStream(body);
}

/**
 * The error to report when the body fails after the response started: aborts and fantasy-ts errors pass
 * through; anything else (a reset connection) becomes a retryable `APICallError`.
 */
export function midStreamError(error: unknown, url: string): unknown {
  if (isAbortError(error) || FantasyError.isInstance(error)) return error;
  const detail = error instanceof Error ? error.message : String(error);
  return new APICallError({
    message: `the connection failed while reading the response (${detail})`,
    url,
    title: 'stream transport error',
    isRetryable: true,
    cause: error,
  });
}
