import type { ScalarTag } from 'yaml';
import { stringifyString } from 'yaml/util';

/** Base64 characters per line of a written `!!binary` body: the width Go's YAML encoder uses. */
const base64LineLength = 70;

/**
 * The YAML `!!binary` tag: base64 text in the file, a `Uint8Array` in memory. Written as a block literal of
 * 70-character lines, like the Bedrock event-stream bodies go-vcr records. Uses `atob`/`btoa` only, so it
 * runs wherever the rest of the package does.
 */
export const binaryTag: ScalarTag = {
  tag: 'tag:yaml.org,2002:binary',
  default: false,
  identify: (value) => value instanceof Uint8Array,
  resolve: (source) => decodeBase64(source),
  stringify: (item, context, onComment, onChompKeep) => {
    const lines = wrapLines(encodeBase64(item.value as Uint8Array), base64LineLength);
    const value = `${lines.join('\n')}\n`;
    return stringifyString({ ...item, type: 'BLOCK_LITERAL', value }, context, onComment, onChompKeep);
  },
};

/** Decodes base64, ignoring the line breaks and spaces YAML leaves in a block scalar. */
export function decodeBase64(text: string): Uint8Array {
  const binary = atob(text.replace(/\s+/g, ''));
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index);
  return bytes;
}

/** Encodes bytes as base64 without line breaks. */
export function encodeBase64(bytes: Uint8Array): string {
  const parts: string[] = [];
  // String.fromCharCode takes its arguments on the stack, so convert in slices.
  for (let start = 0; start < bytes.length; start += 0x8000) {
    parts.push(String.fromCharCode(...bytes.subarray(start, start + 0x8000)));
  }
  return btoa(parts.join(''));
}

function wrapLines(text: string, width: number): string[] {
  const lines: string[] = [];
  for (let start = 0; start < text.length; start += width) lines.push(text.slice(start, start + width));
  return lines;
}
