import { NoObjectGeneratedError } from '../errors/no-object-generated-error.js';
import type { InferSchema, ObjectSchema, SchemaInput } from '../schema/object-schema.js';
import type { ObjectResult, ObjectStreamPart } from '../spec/object.js';
import { type ObjectOptions, objectModel, toObjectCall } from './object-call.js';

/** A partial object: what has arrived so far, every property possibly missing. */
export type DeepPartial<T> = T extends readonly (infer U)[]
  ? DeepPartial<U>[]
  : T extends object
    ? { [K in keyof T]?: DeepPartial<T[K]> }
    : T;

/** A streamed object: partial snapshots as they grow, every part, and the final validated result. */
export interface StreamObjectResult<T> {
  /** Each snapshot is a new object; parts that are complete are shared between snapshots and never change. */
  readonly partialObjectStream: AsyncIterable<DeepPartial<T>>;
  /** Every object-stream part, including `error` and `finish`. */
  readonly fullStream: AsyncIterable<ObjectStreamPart>;
  /** The final object validated with your schema; rejects with the stream's error or a `NoObjectGeneratedError`. */
  readonly object: Promise<ObjectResult<T>>;
}

/**
 * Streams a typed object. Iterate `partialObjectStream` (or `fullStream`) and/or await `object`; take the
 * iterables before you start iterating, each sees every part from the start. Nothing is buffered for a view
 * you did not take.
 *
 * @example
 * const result = await streamObject({ model, schema: Person, prompt: 'Invent a person.' });
 * for await (const partial of result.partialObjectStream) console.log(partial);
 * const { object } = await result.object;
 */
export async function streamObject<S extends SchemaInput>(
  options: ObjectOptions<S>,
): Promise<StreamObjectResult<InferSchema<S>>> {
  const { call, schema } = toObjectCall(options);
  const parts = await (await objectModel(options)).streamObject(call);
  return createStreamObjectResult<InferSchema<S>>(parts, schema);
}

/** Fans one object stream out to the views the caller takes, pulling the source only as fast as they read. */
function createStreamObjectResult<T>(
  source: AsyncIterable<ObjectStreamPart>,
  schema: ObjectSchema,
): StreamObjectResult<T> {
  const iterator = source[Symbol.asyncIterator]();
  const queues: ObjectStreamPart[][] = [];
  let finalResult: Promise<ObjectResult<T>> | undefined;
  let settle: { resolve(value: ObjectResult<T>): void; reject(error: unknown): void } | undefined;
  let outcome: { value: ObjectResult<T> } | { error: unknown } | undefined;
  let done = false;
  let pulling: Promise<void> | undefined;

  const pull = (): Promise<void> => {
    pulling ??= (async () => {
      const next = await iterator
        .next()
        .catch((error: unknown) => ({ done: false as const, value: { type: 'error' as const, error } }));
      if (next.done) done = true;
      else {
        for (const queue of queues) queue.push(next.value);
        await observe(next.value);
      }
      pulling = undefined;
    })();
    return pulling;
  };

  const observe = async (part: ObjectStreamPart): Promise<void> => {
    if (part.type === 'error') {
      done = true;
      outcome = { error: part.error };
    } else if (part.type === 'finish') {
      outcome = await validateFinish<T>(part, schema);
    } else return;
    if (settle === undefined) return;
    if ('value' in outcome) settle.resolve(outcome.value);
    else settle.reject(outcome.error);
  };

  const subscribe = (): AsyncIterable<ObjectStreamPart> => {
    const queue: ObjectStreamPart[] = [];
    queues.push(queue);
    return {
      async *[Symbol.asyncIterator]() {
        while (true) {
          while (queue.length === 0 && !done) await pull();
          const part = queue.shift();
          if (part === undefined) return;
          yield part;
        }
      },
    };
  };

  return {
    get partialObjectStream() {
      const parts = subscribe();
      return (async function* () {
        for await (const part of parts) {
          if (part.type === 'object') yield part.object as DeepPartial<T>;
          else if (part.type === 'error') throw part.error;
        }
      })();
    },
    get fullStream() {
      return subscribe();
    },
    get object() {
      finalResult ??= new Promise<ObjectResult<T>>((resolve, reject) => {
        settle = { resolve, reject };
        void (async () => {
          while (!done) await pull();
          if (outcome === undefined) {
            reject(
              new NoObjectGeneratedError({
                rawText: '',
                message: 'no object generated: the stream ended without a final object',
              }),
            );
          } else if ('value' in outcome) resolve(outcome.value);
          else reject(outcome.error);
        })();
      });
      return finalResult;
    },
  };
}

async function validateFinish<T>(
  part: Extract<ObjectStreamPart, { type: 'finish' }>,
  schema: ObjectSchema,
): Promise<{ value: ObjectResult<T> } | { error: unknown }> {
  const validated = await schema.validate(part.object);
  if (validated.issues) {
    const { rawText, usage, finishReason } = part;
    return { error: new NoObjectGeneratedError({ rawText, issues: validated.issues, usage, finishReason }) };
  }
  const { type: _type, ...rest } = part;
  return { value: { ...rest, object: validated.value as T } };
}
