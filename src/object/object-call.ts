import { InvalidArgumentError } from '../errors/invalid-argument-error.js';
import { type ObjectSchema, type SchemaInput, toObjectSchema } from '../schema/object-schema.js';
import type { RequestOptions, SamplingOptions } from '../spec/call-options.js';
import type { LanguageModel } from '../spec/language-model.js';
import type { Message } from '../spec/message.js';
import { userMessage } from '../spec/message.js';
import type { ObjectCallOptions, ObjectMode, RepairTextFunction } from '../spec/object.js';
import { resolveTelemetry } from '../telemetry/resolve-telemetry.js';
import type { TelemetryOptions } from '../telemetry/telemetry-options.js';

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
  /** OpenTelemetry spans and metrics for the call (GenAI conventions); `true` uses the global providers. */
  telemetry?: TelemetryOptions | boolean;
}

/** The model to call: wrapped in the telemetry middleware when telemetry is on (loaded only then). */
export async function objectModel(options: { model: LanguageModel; telemetry?: TelemetryOptions | boolean }) {
  const telemetry = resolveTelemetry(options.telemetry);
  if (telemetry === undefined) return options.model;
  const [{ telemetryMiddleware }, { wrapLanguageModel }] = await Promise.all([
    import('../telemetry/telemetry-middleware.js'),
    import('../middleware/wrap-language-model.js'),
  ]);
  return wrapLanguageModel({ model: options.model, middleware: telemetryMiddleware(telemetry.options) });
}

/** The model-level call an object helper makes, with the schema made uniform. */
export function toObjectCall<S extends SchemaInput>(
  options: ObjectOptions<S>,
): { call: ObjectCallOptions; schema: ObjectSchema } {
  const { model: _model, telemetry: _telemetry, schema: input, system, prompt, messages, ...rest } = options;
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
