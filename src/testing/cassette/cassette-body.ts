import type { CassetteBody } from './cassette.js';

const utf8Decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const utf8Encoder = new TextEncoder();

/** Bedrock streams AWS event-stream frames: binary even when every byte happens to be valid UTF-8. */
const binaryContentTypes = ['application/vnd.amazon.eventstream'];

/**
 * The form a body is stored in: text when it is valid UTF-8, bytes when it is not or when its content type
 * is a binary framing (AWS event stream).
 */
export function toCassetteBody(bytes: Uint8Array, contentType: string | null | undefined): CassetteBody {
  const mediaType = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (binaryContentTypes.includes(mediaType)) return bytes;
  return cassetteBodyToText(bytes) ?? bytes;
}

/** The body as UTF-8 text, or undefined when its bytes are not valid UTF-8. */
export function cassetteBodyToText(body: CassetteBody): string | undefined {
  if (typeof body === 'string') return body;
  try {
    return utf8Decoder.decode(body);
  } catch {
    return undefined;
  }
}

/** The body's bytes: text encoded as UTF-8, bytes as they are. */
export function cassetteBodyToBytes(body: CassetteBody): Uint8Array {
  return typeof body === 'string' ? utf8Encoder.encode(body) : body;
}
