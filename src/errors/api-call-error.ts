import { FantasyError, isMarked, markKind } from './fantasy-error.js';

/** What is known about a failed HTTP call to a provider. */
export interface APICallErrorOptions {
  /** The provider's own message, or a description of what went wrong. */
  message: string;
  url: string;
  method?: string | undefined;
  statusCode?: number | undefined;
  requestId?: string | undefined;
  requestBody?: string | undefined;
  responseHeaders?: Record<string, string> | undefined;
  responseBody?: string | undefined;
  /** Short category, e.g. `too many requests` or `stream error`. */
  title?: string | undefined;
  /** Forces retryability; otherwise decided from the status code and headers. */
  isRetryable?: boolean | undefined;
  /** The provider's error type or code, e.g. `rate_limit_error` or `invalid_api_key`. */
  errorType?: string | undefined;
  cause?: unknown;
}

/** Error types and codes providers use for refused credentials. */
const authErrorTypes = new Set(['authentication_error', 'invalid_api_key', 'UNAUTHENTICATED']);

/** AWS answers expired or unknown credentials with a 403 and says which in `x-amzn-errortype`. */
const awsAuthErrorType = /^(ExpiredTokenException|UnrecognizedClientException|InvalidSignatureException)\b/;

/** Statuses worth retrying: request timeout, conflict, rate limit and server errors. */
export function isRetryableStatus(statusCode: number | undefined): boolean {
  if (statusCode === undefined) return false;
  return statusCode === 408 || statusCode === 409 || statusCode === 429 || statusCode >= 500;
}

/**
 * A provider answered with an error (HTTP status or an error event inside a stream), or the call could not
 * be completed. The message names the method, URL, status and the provider's own explanation.
 */
export class APICallError extends FantasyError {
  override readonly isRetryable: boolean;
  readonly url: string;
  readonly method: string;
  readonly statusCode: number | undefined;
  readonly requestId: string | undefined;
  readonly requestBody: string | undefined;
  readonly responseHeaders: Record<string, string>;
  readonly responseBody: string | undefined;
  readonly title: string;
  readonly errorType: string | undefined;
  /** The provider's message, without the method, URL and status prefix. */
  readonly providerMessage: string;
  /**
   * The credentials were refused: a 401, or an error type that says so (`authentication_error`,
   * `invalid_api_key`, `UNAUTHENTICATED`, AWS `ExpiredTokenException`). A plain 403 (permission) is not.
   */
  readonly isAuthError: boolean;

  constructor(options: APICallErrorOptions) {
    const method = options.method ?? 'POST';
    const status = options.statusCode === undefined ? '' : ` ${options.statusCode}`;
    super(`${method} ${options.url} failed${status}: ${options.message}`, { cause: options.cause });
    this.name = 'APICallError';
    markKind(this, 'APICallError');
    this.url = options.url;
    this.method = method;
    this.statusCode = options.statusCode;
    this.requestId = options.requestId;
    this.requestBody = options.requestBody;
    this.responseHeaders = options.responseHeaders ?? {};
    this.responseBody = options.responseBody;
    this.title = options.title ?? 'provider request failed';
    this.errorType = options.errorType;
    this.providerMessage = options.message;
    this.isAuthError =
      options.statusCode === 401 ||
      authErrorTypes.has(options.errorType ?? '') ||
      awsAuthErrorType.test(this.responseHeaders['x-amzn-errortype'] ?? '');
    this.isRetryable =
      options.isRetryable ??
      (isRetryableStatus(options.statusCode) || this.responseHeaders['x-should-retry'] === 'true');
  }

  static override isInstance(error: unknown): error is APICallError {
    return isMarked(error, 'APICallError');
  }
}
