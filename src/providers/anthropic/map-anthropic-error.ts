import { APICallError } from '../../errors/api-call-error.js';
import type { AnthropicErrorDetail } from './anthropic-api.js';

/** Error types worth retrying when they arrive inside a stream. */
const transientErrorTypes = new Set([
  'server_error',
  'internal_error',
  'overloaded_error',
  'api_error',
  'rate_limit_error',
]);

const titles: Record<string, string> = {
  overloaded_error: 'provider overloaded',
  rate_limit_error: 'rate limit exceeded',
};

/** True for Anthropic error types a retry may fix. */
export function isTransientAnthropicError(type: string | undefined): boolean {
  return type !== undefined && transientErrorTypes.has(type);
}

/** An `error` event inside a stream (or an error body with status 200) as an `APICallError`. */
export function mapAnthropicStreamError(options: {
  error: AnthropicErrorDetail | undefined;
  url: string;
  data: string;
}): APICallError {
  const type = options.error?.type;
  return new APICallError({
    message: options.error?.message ?? options.data,
    url: options.url,
    title: (type && titles[type]) ?? type?.replaceAll('_', ' ') ?? 'stream error',
    responseBody: options.data,
    errorType: type,
    isRetryable: isTransientAnthropicError(type),
  });
}
