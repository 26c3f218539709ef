/** A shallow copy with camelCase keys written snake_case (`maxTokens` → `max_tokens`), undefined values left out. */
export function snakeCaseKeys(record: object | null): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(record ?? {})) {
    if (value !== undefined) result[name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`)] = value;
  }
  return result;
}
