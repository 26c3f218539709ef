import { InvalidResponseError } from '../../errors/invalid-response-error.js';

/** Standard base64 of bytes, with web-standard APIs only (no Buffer). Linear in the input size. */
export function encodeBase64(bytes: Uint8Array): string {
  let binary = '';
  const step = 0x8000;
  for (let index = 0; index < bytes.length; index += step) {
    binary += String.fromCharCode(...bytes.subarray(index, index + step));
  }
  return btoa(binary);
}

/**
 * Bytes of a standard or URL-safe base64 string from a provider. Text that is not base64 is malformed wire
 * data: an `InvalidResponseError` naming `what` (never the runtime's own `InvalidCharacterError`).
 */
export function decodeBase64(base64: string, what = 'base64 data'): Uint8Array {
  let binary: string;
  try {
    binary = atob(base64.replace(/-/g, '+').replace(/_/g, '/'));
  } catch (cause) {
    throw new InvalidResponseError({ message: `${what} is not valid base64`, data: base64, cause });
  }
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index);
  return bytes;
}
