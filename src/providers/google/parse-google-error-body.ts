import { APICallError } from '../../errors/api-call-error.js';
import { type ParseErrorBody, parseCommonErrorBody } from '../../http/provider-error-body.js';
import type { GoogleErrorDetail } from './google-api.js';

/** gRPC statuses worth retrying: rate limits, overload, internal errors and timeouts. */
const retryableStatuses = new Set([
  'RESOURCE_EXHAUSTED',
  'UNAVAILABLE',
  'INTERNAL',
  'DEADLINE_EXCEEDED',
  'ABORTED',
]);

/**
 * Reads Google's error body `{error:{code,message,status}}` (streams may wrap it in an array): the message,
 * and the gRPC status (`RESOURCE_EXHAUSTED`) as the error type rather than the numeric code.
 */
export const parseGoogleErrorBody: ParseErrorBody = (text) => {
  const parsed = parseCommonErrorBody(text);
  if (parsed === undefined) return undefined;
  const status = errorDetailOf(text)?.status;
  return typeof status === 'string' && status !== '' ? { message: parsed.message, type: status } : parsed;
};

function errorDetailOf(text: string): GoogleErrorDetail | undefined {
  try {
    const body: unknown = JSON.parse(text);
    const first = Array.isArray(body) ? body[0] : body;
    const error = (first as { error?: unknown } | null)?.error;
    return typeof error === 'object' && error !== null ? (error as GoogleErrorDetail) : undefined;
  } catch {
    return undefined;
  }
}

/** An error Gemini reported inside a stream, retryable for rate limits, overload and server errors. */
export function googleStreamError(options: {
  url: string;
  error: GoogleErrorDetail;
  data: string;
}): APICallError {
  const { error } = options;
  const retryable =
    (error.status !== undefined && retryableStatuses.has(error.status)) ||
    (error.code !== undefined && (error.code === 429 || error.code >= 500));
  return new APICallError({
    message: error.message ?? options.data,
    url: options.url,
    statusCode: error.code,
    title: 'stream error',
    responseBody: options.data,
    errorType: error.status,
    isRetryable: retryable,
  });
}
