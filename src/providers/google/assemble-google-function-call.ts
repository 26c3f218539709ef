import type { GooglePartialArg } from './google-api.js';

/** A function call whose arguments arrive in pieces (Gemini 3 `streamFunctionCallArguments`). */
export interface StreamedFunctionCall {
  id: string;
  name: string;
  args: Record<string, unknown>;
  /** Paths whose last string piece said `willContinue`: the next piece of the path is appended. */
  openPaths: Set<string>;
}

type Key = string | number;

/**
 * Applies streamed argument pieces to the call's arguments: each piece sets the value at its JSON path;
 * string pieces of a path that `willContinue` are appended to what the path holds. Paths are RFC 9535
 * member and index selectors (`$.a.b[0]`, `$['a b']`); a piece with a path we cannot read is ignored.
 */
export function applyPartialArgs(call: StreamedFunctionCall, pieces: readonly GooglePartialArg[]): void {
  for (const piece of pieces) {
    const path = parseJsonPath(piece.jsonPath ?? '');
    if (path === undefined || path.length === 0) continue;
    const value = pieceValue(piece);
    if (value === undefined) continue;
    const key = piece.jsonPath ?? '';
    setAt(call.args, path, value, typeof value === 'string' && call.openPaths.has(key));
    if (piece.willContinue) call.openPaths.add(key);
    else call.openPaths.delete(key);
  }
}

function pieceValue(piece: GooglePartialArg): unknown {
  if (piece.stringValue !== undefined) return piece.stringValue;
  if (piece.numberValue !== undefined) return piece.numberValue;
  if (piece.boolValue !== undefined) return piece.boolValue;
  if (piece.nullValue !== undefined) return null;
  return undefined;
}

const selector = /\.([A-Za-z_$][\w$]*)|\[(\d+)\]|\['((?:[^'\\]|\\.)*)'\]|\["((?:[^"\\]|\\.)*)"\]/y;

/** `$.a[0]['b']` → `['a', 0, 'b']`; `undefined` when the path is not of that form. */
export function parseJsonPath(path: string): Key[] | undefined {
  if (!path.startsWith('$')) return undefined;
  const keys: Key[] = [];
  selector.lastIndex = 1;
  while (selector.lastIndex < path.length) {
    const match = selector.exec(path);
    if (match === null) return undefined;
    if (match[2] !== undefined) keys.push(Number(match[2]));
    else keys.push(match[1] ?? (match[3] ?? match[4] ?? '').replace(/\\(.)/g, '$1'));
  }
  return keys;
}

function setAt(root: Record<string, unknown>, path: Key[], value: unknown, append: boolean): void {
  let container: Record<string | number, unknown> = root;
  path.forEach((key, index) => {
    const last = index === path.length - 1;
    if (last) {
      const previous = container[key];
      container[key] = append && typeof previous === 'string' ? previous + (value as string) : value;
      return;
    }
    const next = container[key];
    if (typeof next !== 'object' || next === null) {
      container[key] = typeof path[index + 1] === 'number' ? [] : {};
    }
    container = container[key] as Record<string | number, unknown>;
  });
}
