import { RedirectError } from '../errors/redirect-error.js';
import { checkHeaderValues } from './check-header-values.js';

/** One HTTP request as fantasy-ts sends it. */
export interface OutgoingRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: string | undefined;
}

/** Computes headers to add to a request just before it is sent (Bedrock's SigV4 signature). */
export type SignRequest = (request: OutgoingRequest) => Promise<Record<string, string>>;

/** Options of `fetchWithinOrigin`. */
export interface FetchWithinOriginOptions {
  request: OutgoingRequest;
  fetch: typeof fetch;
  signal?: AbortSignal | undefined;
  /** Wraps each pending fetch (the watchdog's `guard`). */
  guard?: (<T>(pending: Promise<T>) => Promise<T>) | undefined;
  /** Signs each request sent, the first and every redirected one. */
  sign?: SignRequest | undefined;
  /** Called with the headers of each request just before it is sent. */
  onSend?: ((request: OutgoingRequest) => void) | undefined;
  /** Same-origin redirects followed in a row before giving up. @default 5 */
  maxRedirects?: number | undefined;
}

const redirectStatuses = new Set([301, 302, 303, 307, 308]);

/**
 * Sends a request with `redirect: 'manual'` and follows redirects itself, only within the request's origin
 * (scheme, host and port), with the same headers (credentials included) and a fresh signature. A redirect
 * to another origin rejects with a `RedirectError` naming that origin before anything is sent there: `fetch`
 * would drop only `Authorization` and forward every other credential header. 307 and 308 keep the method
 * and body; 301, 302 (for a POST) and 303 continue as a GET without a body, as `fetch` does. Headers are
 * checked before each send (`checkHeaderValues`), so a broken key fails typed and unshown, never in `Headers`.
 */
export async function fetchWithinOrigin(options: FetchWithinOriginOptions): Promise<Response> {
  const maxRedirects = options.maxRedirects ?? 5;
  const origin = new URL(options.request.url).origin;
  let request = options.request;
  for (let redirects = 0; ; redirects++) {
    const response = await send(request, options);
    if (!isRedirect(response)) return response;
    await response.body?.cancel().catch(() => undefined);
    const target = redirectTarget(response, request.url);
    const failure = { url: options.request.url, method: options.request.method, statusCode: response.status };
    if (target === undefined) throw new RedirectError({ ...failure, reason: 'unreadable' });
    if (target.origin !== origin) {
      throw new RedirectError({ ...failure, reason: 'cross-origin', targetOrigin: target.origin });
    }
    if (redirects >= maxRedirects) throw new RedirectError({ ...failure, reason: 'too-many' });
    request = redirectedRequest(request, response.status, target.href);
  }
}

async function send(request: OutgoingRequest, options: FetchWithinOriginOptions): Promise<Response> {
  const headers = options.sign ? { ...request.headers, ...(await options.sign(request)) } : request.headers;
  checkHeaderValues(headers);
  options.onSend?.({ ...request, headers });
  const init: RequestInit = {
    method: request.method,
    headers,
    redirect: 'manual',
    ...(request.body === undefined ? {} : { body: request.body }),
    ...(options.signal ? { signal: options.signal } : {}),
  };
  const pending = options.fetch(request.url, init);
  return options.guard ? options.guard(pending) : pending;
}

/** A redirect status, or a browser's opaque redirect (status 0, no readable headers). */
function isRedirect(response: Response): boolean {
  return redirectStatuses.has(response.status) || response.type === 'opaqueredirect';
}

function redirectTarget(response: Response, url: string): URL | undefined {
  const location = response.headers.get('location');
  if (location === null || location === '') return undefined;
  try {
    return new URL(location, url);
  } catch {
    return undefined;
  }
}

/** The request a redirect asks for: 303, and 301/302 after a POST, become a GET without a body. */
function redirectedRequest(request: OutgoingRequest, status: number, url: string): OutgoingRequest {
  const toGet = status === 303 || ((status === 301 || status === 302) && request.method === 'POST');
  if (!toGet) return { ...request, url };
  const { 'content-type': _contentType, ...headers } = request.headers;
  return { url, method: 'GET', headers, body: undefined };
}
