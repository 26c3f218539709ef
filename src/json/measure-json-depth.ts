/**
 * The deepest nesting of `[` and `{` in a JSON text, outside strings, in one pass without allocating. Used
 * before recursive steps (schema validation) so a hostile text is rejected with a typed error rather than
 * a stack overflow. Unbalanced brackets count as they open.
 */
export function measureJsonDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (inString) {
      if (code === 0x5c) index += 1;
      else if (code === 0x22) inString = false;
    } else if (code === 0x22) {
      inString = true;
    } else if (code === 0x5b || code === 0x7b) {
      depth += 1;
      if (depth > deepest) deepest = depth;
    } else if (code === 0x5d || code === 0x7d) {
      depth -= 1;
    }
  }
  return deepest;
}
