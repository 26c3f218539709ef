import { NoObjectGeneratedError } from '../errors/no-object-generated-error.js';
import type { InferSchema, SchemaInput } from '../schema/object-schema.js';
import type { ObjectResult } from '../spec/object.js';
import { type ObjectOptions, objectModel, toObjectCall } from './object-call.js';

/**
 * Generates a typed object: the model answers in the provider's structured-output mode, the text is parsed
 * (and repaired if needed) and validated with your schema.
 *
 * @example
 * const { object } = await generateObject({
 *   model,
 *   schema: z.object({ name: z.string(), age: z.number().int() }),
 *   prompt: 'Invent a person.',
 * });
 */
export async function generateObject<S extends SchemaInput>(
  options: ObjectOptions<S>,
): Promise<ObjectResult<InferSchema<S>>> {
  const { call, schema } = toObjectCall(options);
  const result = await (await objectModel(options)).generateObject(call);
  const validated = await schema.validate(result.object);
  if (validated.issues) {
    throw new NoObjectGeneratedError({
      rawText: result.rawText,
      issues: validated.issues,
      usage: result.usage,
      finishReason: result.finishReason,
    });
  }
  return { ...result, object: validated.value as InferSchema<S> };
}
