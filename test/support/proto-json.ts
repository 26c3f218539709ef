/**
 * JSON texts whose objects use `__proto__` and other Object.prototype names as keys, for the property tests
 * that every reader keeps such keys as plain data.
 */
import fc from 'fast-check';

/** Keys that collide with Object.prototype, mixed with plain ones; none starts with `$` (a persistence tag). */
const key = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty', 'role') },
  { weight: 2, arbitrary: fc.string({ maxLength: 6 }).filter((text) => !text.startsWith('$')) },
);

/** An object as its entries in order, so `__proto__` can be written as a key. */
class ObjectEntries {
  constructor(readonly entries: [string, unknown][]) {}
}

const leaf = fc.oneof(fc.string({ maxLength: 8 }), fc.integer(), fc.boolean(), fc.constant(null));

const { value } = fc.letrec<{ value: unknown; object: ObjectEntries }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.array(tie('value'), { maxLength: 3 }),
    tie('object'),
  ),
  object: fc
    .array(fc.tuple(key, tie('value')), { maxLength: 4 })
    .map((entries) => new ObjectEntries(entries)),
}));

function render(node: unknown): string {
  if (node instanceof ObjectEntries)
    return `{${node.entries.map(([name, item]) => `${JSON.stringify(name)}:${render(item)}`).join(',')}}`;
  if (Array.isArray(node)) return `[${node.map(render).join(',')}]`;
  return JSON.stringify(node);
}

/** The JSON text of an object (at the top) with `__proto__` keys anywhere. */
export const protoObjectText: fc.Arbitrary<string> = fc
  .tuple(fc.array(fc.tuple(key, value), { maxLength: 4 }), fc.constantFrom('__proto__', 'role'))
  .map(([entries, first]) =>
    render(new ObjectEntries([[first, new ObjectEntries([['role', 'user']])], ...entries])),
  );

/** Throws unless every object in `value` has Object.prototype (or null) and arrays Array.prototype. */
export function assertPlainPrototypes(value: unknown, path = '$'): void {
  if (typeof value !== 'object' || value === null) return;
  if (value instanceof Uint8Array || value instanceof Date) return;
  const prototype = Object.getPrototypeOf(value);
  const expected = Array.isArray(value) ? Array.prototype : Object.prototype;
  if (prototype !== expected && prototype !== null) throw new Error(`${path} has a foreign prototype`);
  for (const [name, item] of Object.entries(value)) assertPlainPrototypes(item, `${path}.${name}`);
}

/** What reading Go JSON gives: keys passed through `rename` (kept as own data), `null` fields left out. */
export function asReadFromGo(value: unknown, rename: (key: string) => string): unknown {
  if (Array.isArray(value)) return value.map((item) => asReadFromGo(item, rename));
  if (typeof value !== 'object' || value === null) return value;
  const renamed: Record<string, unknown> = {};
  for (const [name, item] of Object.entries(value)) {
    if (item === null) continue;
    Object.defineProperty(renamed, rename(name), {
      value: asReadFromGo(item, rename),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return renamed;
}
