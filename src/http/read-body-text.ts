import { ResponseTooLargeError } from '../errors/response-too-large-error.js';
import type { RequestWatchdog } from './request-watchdog.js';

/** The decoded size a body read whole may reach by default: 64 MiB. */
export const defaultMaxResponseBytes = 64 * 1024 * 1024;

/** How `readBodyText` bounds a body. */
export interface ReadBodyTextOptions {
  /** Decoded bytes read at most. @default defaultMaxResponseBytes */
  maxBytes?: number | undefined;
  /** Keep the first `maxBytes` and stop, instead of failing with a `ResponseTooLargeError`. @default false */
  truncate?: boolean | undefined;
  /** Named in the `ResponseTooLargeError`. */
  url?: string | undefined;
}

/**
 * The body as text, read chunk by chunk through the watchdog when there is one (so its timeouts and signal
 * apply) and counted after decompression: past `maxBytes` the body is cancelled and the read fails with a
 * `ResponseTooLargeError` (or, with `truncate`, ends with what came so far). Invalid UTF-8 becomes U+FFFD,
 * as in `Response.text()`. The bytes are decoded once at the end: a streaming `TextDecoder` costs 2–4×
 * more per byte than one whole decode, which a body of megabytes (embeddings as floats) pays in full.
 */
export async function readBodyText(
  response: Response,
  watchdog: RequestWatchdog | undefined,
  options: ReadBodyTextOptions = {},
): Promise<string> {
  const body = response.body;
  if (body === null) return '';
  const maxBytes = options.maxBytes ?? defaultMaxResponseBytes;
  const reader = body.getReader();
  const read = () => (watchdog ? watchdog.read(reader) : reader.read());
  const chunks: Uint8Array[] = [];
  let size = 0;
  let finished = false;
  try {
    for (let chunk = await read(); !chunk.done; chunk = await read()) {
      size += chunk.value.byteLength;
      if (size > maxBytes) {
        if (!options.truncate) {
          throw new ResponseTooLargeError({ url: options.url ?? response.url, maxResponseBytes: maxBytes });
        }
        chunks.push(chunk.value.subarray(0, chunk.value.byteLength - (size - maxBytes)));
        return decodeChunks(chunks, maxBytes);
      }
      chunks.push(chunk.value);
    }
    finished = true;
  } finally {
    if (!finished) await reader.cancel().catch(() => undefined);
    reader.releaseLock();
  }
  return decodeChunks(chunks, size);
}

/** The chunks, `size` bytes in all, decoded as UTF-8 in one call. */
function decodeChunks(chunks: readonly Uint8Array[], size: number): string {
  const decoder = new TextDecoder();
  if (chunks.length === 1) return decoder.decode(chunks[0]);
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return decoder.decode(bytes);
}
