/**
 * The TypeScript type a JSON Schema literal (declared `as const`, or passed to `jsonSchema()`) describes:
 * `type` (one or a list; `'null'` in the list makes it nullable), `enum`, `const`, `anyOf`/`oneOf`, arrays
 * through `items`, objects through `properties` with `required` ones required and the others optional,
 * and OpenAPI's `nullable: true`. A schema whose keywords are not literal types (a widened `JSONSchema`)
 * gives `unknown`.
 *
 * @example
 * const person = { type: 'object', properties: { name: { type: 'string' } }, required: ['name'] } as const;
 * type Person = FromJSONSchema<typeof person>; // { name: string }
 */
export type FromJSONSchema<S> = S extends { nullable: true } ? FromSchema<S> | null : FromSchema<S>;

type FromSchema<S> = S extends { anyOf: readonly (infer Member)[] }
  ? FromJSONSchema<Member>
  : S extends { oneOf: readonly (infer Member)[] }
    ? FromJSONSchema<Member>
    : S extends { const: infer Value }
      ? Value
      : S extends { enum: readonly (infer Value)[] }
        ? Value
        : S extends { type: readonly (infer Name)[] }
          ? FromTypeName<Name, S>
          : S extends { type: infer Name }
            ? FromTypeName<Name, S>
            : unknown;

/** Distributes over a union of type names, so `['string', 'null']` is `string | null`. */
type FromTypeName<Name, S> = Name extends 'string'
  ? string
  : Name extends 'number' | 'integer'
    ? number
    : Name extends 'boolean'
      ? boolean
      : Name extends 'null'
        ? null
        : Name extends 'array'
          ? FromArray<S>
          : Name extends 'object'
            ? FromObject<S>
            : unknown;

type FromArray<S> = S extends { items: infer Items }
  ? Items extends readonly unknown[]
    ? { -readonly [Index in keyof Items]: FromJSONSchema<Items[Index]> }
    : FromJSONSchema<Items>[]
  : unknown[];

type FromObject<S> = S extends { properties: infer Properties }
  ? Simplify<
      {
        -readonly [Key in keyof Properties as Key extends RequiredKeys<S> ? Key : never]: FromJSONSchema<
          Properties[Key]
        >;
      } & {
        -readonly [Key in keyof Properties as Key extends RequiredKeys<S> ? never : Key]?: FromJSONSchema<
          Properties[Key]
        >;
      }
    >
  : Record<string, unknown>;

type RequiredKeys<S> = S extends { required: readonly (infer Key)[] } ? Key : never;

type Simplify<T> = { [Key in keyof T]: T[Key] } & {};
