import { InvalidArgumentError } from '../errors/invalid-argument-error.js';
import { type ObjectSchema, type SchemaInput, toObjectSchema } from '../schema/object-schema.js';
import type { RequestOptions, SamplingOptions } from '../spec/call-options.js';
import type { LanguageModel } from '../spec/language-model.js';
import type { Message } from '../spec/message.js';
import { userMessage } from '../spec/message.js';
import type { ObjectCallOptions, ObjectMode, RepairTextFunction } from '../spec/object.js';

/** Options of `generateObject` and `streamObject`. */
export interface ObjectOptions<S extends SchemaInput> extends SamplingOptions, RequestOptions {
  model: LanguageModel;
  /** A Standard Schema (zod, valibot, arktype...), a `jsonSchema<T>()` wrapper, or a plain JSON Schema. */
  schema: S;
  /** Names the object for the model (the forced tool's name in tool mode). */
  schemaName?: string;
  schemaDescription?: string;
  /** A system prompt placed first. */
  system?: string;
  /** A user prompt appended after `messages`. */
  prompt?: string;
  messages?: Message[];
  /** @default 'auto' (the provider's native strategy) */
  mode?: ObjectMode;
  repairText?: RepairTextFunction;
}

/** The model-level call an object helper makes, with the schema made uniform. */
export function toObjectCall<S extends SchemaInput>(
  options: ObjectOptions<S>,
): { call: ObjectCallOptions; schema: ObjectSchema } {
  const { model: _model, schema: input, system, prompt, messages, ...rest } = options;
  const schema = toObjectSchema(input);
  const fullPrompt: Message[] = [];
  if (system) fullPrompt.push({ role: 'system', content: [{ type: 'text', text: system }] });
  fullPrompt.push(...(messages ?? []));
  if (prompt !== undefined) fullPrompt.push(userMessage(prompt));
  if (fullPrompt.length === 0) {
    throw new InvalidArgumentError({
      argument: 'prompt',
      message: 'give a prompt or messages to generate an object from',
    });
  }
  return { call: { ...rest, prompt: fullPrompt, schema: schema.jsonSchema }, schema };
}
