import { redactedPlaceholder } from '../../http/redact-secrets.js';

/** Nesting past this depth is left as it is (a hostile body must not exhaust the stack). */
const maximumDepth = 512;

/**
 * Replaces the values of the named JSON fields with `REDACTED` in a body: the whole body when it is JSON,
 * else each `data:` line of an event stream that holds JSON. A bare name (`client_secret`) matches at any
 * depth; a dotted path (`user.email`) from the root, array levels not counted. A body where nothing matched
 * is returned unchanged, byte for byte.
 *
 * @example
 * redactBodyFields('{"user":{"email":"a@b.c"}}', ['user.email']); // '{"user":{"email":"REDACTED"}}'
 */
export function redactBodyFields(body: string, fields: readonly string[]): string {
  if (fields.length === 0) return body;
  const whole = redactJsonText(body, fields);
  if (whole !== undefined) return whole;
  if (!body.includes('data:')) return body;
  return body
    .split('\n')
    .map((line) => {
      const match = /^data: ?(.*?)(\r?)$/.exec(line);
      const redacted = match === null ? undefined : redactJsonText(match[1] ?? '', fields);
      return redacted === undefined ? line : `data: ${redacted}${match?.[2] ?? ''}`;
    })
    .join('\n');
}

/** The JSON text with the fields redacted; undefined when it is not a JSON object or array. */
function redactJsonText(text: string, fields: readonly string[]): string | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  return redactFields(value, fields, '', 0) ? JSON.stringify(value) : text;
}

/** Redacts matching fields in place; true when any was. */
function redactFields(value: unknown, fields: readonly string[], path: string, depth: number): boolean {
  if (typeof value !== 'object' || value === null || depth > maximumDepth) return false;
  let changed = false;
  if (Array.isArray(value)) {
    for (const item of value) changed = redactFields(item, fields, path, depth + 1) || changed;
    return changed;
  }
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    const keyPath = path === '' ? key : `${path}.${key}`;
    if (fields.includes(key) || fields.includes(keyPath)) {
      if (record[key] !== redactedPlaceholder) {
        // defineProperty, so a field named `__proto__` stays a field.
        Object.defineProperty(record, key, { value: redactedPlaceholder, enumerable: true, writable: true });
        changed = true;
      }
    } else {
      changed = redactFields(record[key], fields, keyPath, depth + 1) || changed;
    }
  }
  return changed;
}
