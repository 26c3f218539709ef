import { decodeBase64 } from './base64.js';

/** The bytes and media type of a `data:` URL. */
export interface DecodedDataUrl {
  mediaType: string;
  data: Uint8Array;
}

/**
 * Decodes a `data:` URL a provider returned (`data:image/png;base64,...`, or percent-encoded text);
 * `undefined` for any other URL. A missing media type is `text/plain`, as RFC 2397 says.
 */
export function decodeDataUrl(url: string): DecodedDataUrl | undefined {
  const match = /^data:([^;,]*)((?:;[^;,]*)*?)(;base64)?,(.*)$/is.exec(url);
  if (match === null) return undefined;
  const mediaType = match[1] === '' ? 'text/plain' : match[1]!.toLowerCase();
  const payload = match[4]!;
  const data =
    match[3] === undefined
      ? new TextEncoder().encode(decodeURIComponent(payload))
      : decodeBase64(payload, 'the data URL');
  return { mediaType, data };
}
