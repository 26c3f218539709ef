import { APICallError } from './api-call-error.js';
import { type FantasyErrorOptions, isMarked } from './fantasy-error.js';

/**
 * Why a redirect was not followed: it pointed at another origin (`cross-origin`), there were more than
 * `maxRedirects` in a row (`too-many`), or it could not be read (`unreadable`: no `Location`, or a browser's
 * opaque redirect).
 */
export type RedirectErrorReason = 'cross-origin' | 'too-many' | 'unreadable';

const explain: Record<RedirectErrorReason, (target: string | undefined) => string> = {
  'cross-origin': (target) =>
    `the provider redirected the request to another origin (${target}); credentials are only sent to the ` +
    "origin of the provider's URL, so the redirect was not followed (set baseURL to that origin if you trust it)",
  'too-many': () => 'the provider redirected the request too many times',
  unreadable: () => 'the provider answered with a redirect whose target cannot be read',
};

/**
 * A provider answered a request with a redirect fantasy-ts does not follow. Requests are sent with
 * `redirect: 'manual'`: a redirect within the provider's origin is followed with the credentials
 * re-attached; one to another origin fails here, before anything is sent there. Not retryable.
 */
export class RedirectError extends APICallError {
  readonly reason: RedirectErrorReason;
  /** The origin the provider pointed to (scheme, host and port; never the path or query). */
  readonly targetOrigin: string | undefined;

  constructor(
    options: {
      reason: RedirectErrorReason;
      url: string;
      method?: string | undefined;
      statusCode: number;
      targetOrigin?: string | undefined;
      requestId?: string | undefined;
    } & FantasyErrorOptions,
  ) {
    super({
      message: explain[options.reason](options.targetOrigin),
      url: options.url,
      method: options.method,
      statusCode: options.statusCode,
      requestId: options.requestId,
      title: 'redirect not followed',
      isRetryable: false,
      cause: options.cause,
    });
    this.name = 'RedirectError';
    this.reason = options.reason;
    this.targetOrigin = options.targetOrigin;
  }

  static override isInstance(error: unknown): error is RedirectError {
    return isMarked(error, 'RedirectError');
  }
}
