import type { CassetteRequest } from './cassette.js';
import { toCassetteBody } from './cassette-body.js';

/** Reads a `Request` (consuming its body) into the form the matcher and the recorder use. */
export async function readCassetteRequest(request: Request): Promise<CassetteRequest> {
  const bytes = request.body ? new Uint8Array(await request.arrayBuffer()) : new Uint8Array(0);
  return {
    method: request.method.toUpperCase(),
    url: request.url,
    body: toCassetteBody(bytes, request.headers.get('content-type')),
    headers: Object.fromEntries(request.headers),
  };
}

/** The signal a fetch call honours: the one in `init`, else the one on a `Request` input. */
export function signalOf(
  input: Parameters<typeof fetch>[0],
  init: RequestInit | undefined,
): AbortSignal | undefined {
  return init?.signal ?? (input instanceof Request ? input.signal : undefined);
}
