/** Socket and DNS failures worth another attempt (Node's system error codes). */
const systemCodes = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ECONNABORTED',
  'ETIMEDOUT',
  'ESOCKETTIMEDOUT',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
  'EHOSTUNREACH',
  'EHOSTDOWN',
  'ENETUNREACH',
  'ENETDOWN',
  'ENETRESET',
  'EPROTO',
]);

/**
 * undici's network errors (`UND_ERR_SOCKET`, `UND_ERR_CONNECT_TIMEOUT`, `UND_ERR_HEADERS_TIMEOUT`,
 * `UND_ERR_BODY_TIMEOUT`, `UND_ERR_CLOSED`, ...) and Node's HTTP/2 stream and session errors
 * (`ERR_HTTP2_STREAM_ERROR`, `ERR_HTTP2_GOAWAY_SESSION`, `NGHTTP2_REFUSED_STREAM`, ...). Not aborts: an
 * `UND_ERR_ABORTED` is the caller's.
 */
const codePattern =
  /^(UND_ERR_(?!ABORTED$)[A-Z_]+|ERR_HTTP2_[A-Z_]+|NGHTTP2_[A-Z_]+|ERR_STREAM_PREMATURE_CLOSE|ERR_SOCKET_[A-Z_]+)$/;

/** How deep a chain of causes is searched. */
const maximumDepth = 8;

/** True for a transport error code a retry may fix. */
export function isTransportErrorCode(code: string): boolean {
  return systemCodes.has(code) || codePattern.test(code);
}

/**
 * The transport error code of an error or of one of its causes (`fetch failed` → `ECONNREFUSED`), or
 * undefined when there is none.
 *
 * @example
 * transportErrorCode(new TypeError('fetch failed', { cause: Object.assign(new Error('connect'), { code: 'ECONNREFUSED' }) })); // 'ECONNREFUSED'
 */
export function transportErrorCode(error: unknown): string | undefined {
  let current = error;
  for (let depth = 0; depth < maximumDepth && typeof current === 'object' && current !== null; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && isTransportErrorCode(code)) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}
