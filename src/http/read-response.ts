import { APICallError } from '../errors/api-call-error.js';
import { FantasyError } from '../errors/fantasy-error.js';
import { IncompleteStreamError } from '../errors/incomplete-stream-error.js';
import { InvalidResponseError } from '../errors/invalid-response-error.js';
import type { PostJsonResult } from './post-json.js';
import { describeTransportError, isAbortError, requestIdOf } from './post-json.js';
import { type ParseErrorBody, parseCommonErrorBody } from './provider-error-body.js';
import { readBodyText } from './read-body-text.js';
import { isWatchdogFailure } from './request-watchdog.js';
import { decodeSseStream, type SseEvent } from './sse.js';
import { attachRedaction } from './stream-redaction.js';

/**
 * Reads a 2xx JSON body. Leading whitespace (OpenRouter's keep-alive lines) is fine; a body that is not
 * JSON (an HTML error page served with 200) throws an `InvalidResponseError` carrying the text.
 */
export async function readJsonResponse(posted: PostJsonResult, url: string): Promise<unknown> {
  let text: string;
  try {
    text = await readBodyText(posted.response, posted.watchdog, { maxBytes: posted.maxResponseBytes, url });
  } catch (error) {
    throw posted.redactError(midStreamError(error, url));
  } finally {
    posted.watchdog?.dispose();
  }
  try {
    return JSON.parse(text);
  } catch (cause) {
    throw posted.redactError(
      new InvalidResponseError({
        message: `${url} answered with a body that is not JSON`,
        data: text,
        cause,
      }),
    );
  }
}

/**
 * Opens a 2xx event-stream body, read through the call's watchdog (timeouts, abort). A JSON body where an
 * event stream was asked for is read as a provider error (`APICallError`) when it looks like one, else as an
 * `InvalidResponseError`; so is an HTML page.
 */
export async function openSseStream(
  posted: PostJsonResult,
  url: string,
  parseErrorBody: ParseErrorBody = parseCommonErrorBody,
): Promise<AsyncIterable<SseEvent>> {
  const contentType = posted.responseHeaders['content-type'] ?? '';
  const body = posted.response.body;
  if (contentType.includes('application/json') || contentType.includes('text/html') || body === null) {
    return rejectNonStreamBody({ posted, url, parseErrorBody, expected: 'an event stream' });
  }
  return attachRedaction(
    decodeSseStream(body, posted.watchdog ? { watchdog: posted.watchdog } : {}),
    posted.redactError,
  );
}

/**
 * A 2xx answer that is not the stream that was asked for (JSON, HTML, no body): its text read as a provider
 * error (`APICallError`) when it looks like one, else an `InvalidResponseError` carrying the text.
 */
export async function rejectNonStreamBody(options: {
  posted: PostJsonResult;
  url: string;
  parseErrorBody: ParseErrorBody;
  /** What was expected, for the message: `an event stream`. */
  expected: string;
}): Promise<never> {
  const { posted, url } = options;
  const text = await readErrorText(posted, url);
  const parsed = options.parseErrorBody(text);
  if (parsed) {
    throw posted.redactError(
      new APICallError({
        message: parsed.message,
        url,
        statusCode: posted.response.status,
        requestId: requestIdOf(posted.responseHeaders),
        requestBody: posted.requestBody,
        responseHeaders: posted.responseHeaders,
        responseBody: text,
        errorType: parsed.type,
      }),
    );
  }
  const contentType = posted.responseHeaders['content-type'] ?? '';
  throw posted.redactError(
    new InvalidResponseError({
      message: `${url} answered ${contentType || 'nothing'} where ${options.expected} was expected`,
      data: text,
    }),
  );
}

async function readErrorText(posted: PostJsonResult, url: string): Promise<string> {
  try {
    return await readBodyText(posted.response, posted.watchdog, { maxBytes: posted.maxResponseBytes, url });
  } catch (error) {
    throw posted.redactError(midStreamError(error, url));
  } finally {
    posted.watchdog?.dispose();
  }
}

/**
 * An `IncompleteStreamError` (retryable) when the body ended inside an event, without the blank line
 * that ends it, and the event's data is not complete JSON: the connection was cut mid-event. Undefined
 * for every other event, which the provider's reducer reads as usual.
 */
export function truncatedEventError(event: {
  data: string;
  unterminated?: boolean | undefined;
}): IncompleteStreamError | undefined {
  if (event.unterminated !== true || event.data === '[DONE]') return undefined;
  try {
    JSON.parse(event.data);
    return undefined;
  } catch (cause) {
    return new IncompleteStreamError({
      message: 'the stream ended in the middle of an event',
      cause: new InvalidResponseError({ message: 'incomplete event', data: event.data, cause }),
    });
  }
}

/**
 * The error to report when the body fails after the response started: aborts (with whatever reason the
 * caller gave) and fantasy-ts errors pass through; anything else (a reset connection) becomes a retryable
 * `APICallError`.
 */
export function midStreamError(error: unknown, url: string): unknown {
  if (isAbortError(error) || FantasyError.isInstance(error) || isWatchdogFailure(error)) return error;
  return new APICallError({
    message: `the connection failed while reading the response (${describeTransportError(error)})`,
    url,
    title: 'stream transport error',
    isRetryable: true,
    cause: error,
  });
}
