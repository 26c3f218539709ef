/** The longest tool name every provider accepts (OpenAI, Anthropic and Gemini all stop at 64). */
const maxNameLength = 64;

/**
 * A name every provider accepts for an MCP tool: letters, digits, `_` and `-`, starting with a letter or `_`,
 * at most 64 characters. Names that had to change get a short hash of the original, so two different MCP
 * names never map to the same provider name; `taken` holds the names already given out.
 */
export function toProviderToolName(name: string, taken: ReadonlySet<string> = new Set()): string {
  let candidate = name.replace(/[^a-zA-Z0-9_-]/g, '_');
  if (!/^[a-zA-Z_]/.test(candidate)) candidate = `_${candidate}`;
  if (candidate.length > maxNameLength || taken.has(candidate)) candidate = withHash(candidate, name);
  return candidate;
}

/** Keeps the start of `candidate` and ends it with `_` and an 8-digit hash of the original name. */
function withHash(candidate: string, original: string): string {
  const suffix = `_${hashName(original)}`;
  return candidate.slice(0, maxNameLength - suffix.length) + suffix;
}

/** FNV-1a (32 bits) as 8 hex digits: stable across runs and processes. */
export function hashName(text: string): string {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}
