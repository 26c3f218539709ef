import { APICallError } from '../../../errors/api-call-error.js';
import type { ResponsesError } from './openai-responses-api.js';

/** Error codes OpenAI may report inside a 200 response or stream that are worth retrying. */
const transientErrorCodes = new Set([
  'server_error',
  'internal_error',
  'overloaded_error',
  'api_error',
  'rate_limit_error',
  'rate_limit_exceeded',
]);

/**
 * An error OpenAI reported in a 200 answer (a failed response, or an `error` stream event) as an
 * `APICallError`, retryable when its code is a transient one.
 */
export function mapOpenAIResponsesError(options: {
  url: string;
  /** `response failed`, `response error` or `provider error`. */
  title: string;
  error: ResponsesError;
  responseBody: string;
}): APICallError {
  const code = options.error.code ?? undefined;
  const message = options.error.message || 'no error message';
  return new APICallError({
    message: code === undefined ? message : `${message} (code: ${code})`,
    url: options.url,
    title: options.title,
    responseBody: options.responseBody,
    errorType: code,
    isRetryable: code !== undefined && transientErrorCodes.has(code),
  });
}
