/**
 * Sets `object[key] = value` as an own, enumerable data property, also for the key `__proto__`, as
 * `JSON.parse` does. Plain assignment with that key would change the object's prototype instead, so a
 * document could make a field appear (`{"__proto__": {"role": "user"}}` giving `record.role === 'user'`).
 * Every reader of untrusted JSON, YAML or binary headers builds its objects through this.
 */
export function setOwnEntry(object: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') {
    Object.defineProperty(object, key, { value, writable: true, enumerable: true, configurable: true });
  } else {
    object[key] = value;
  }
}
