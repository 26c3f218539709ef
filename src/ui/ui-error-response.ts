import { InvalidUIMessageError } from '../errors/invalid-ui-message-error.js';

/**
 * The `Response` for a request that failed before streaming: a 400 with the message for a malformed body
 * (`InvalidUIMessageError`), a 500 that names nothing internal for anything else.
 */
export function uiErrorResponse(error: unknown): Response {
  const known = InvalidUIMessageError.isInstance(error);
  return new Response(JSON.stringify({ error: known ? error.message : 'internal error' }), {
    status: known ? error.statusCode : 500,
    headers: { 'content-type': 'application/json' },
  });
}
