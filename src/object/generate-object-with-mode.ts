import { NoObjectGeneratedError } from '../errors/no-object-generated-error.js';
import { textOf, toolCallsOf } from '../spec/content.js';
import type { LanguageModel } from '../spec/language-model.js';
import type { ObjectCallOptions, ObjectResult } from '../spec/object.js';
import { objectCallToCall, type ResolvedObjectMode } from './object-modes.js';
import { parseObjectText } from './parse-object-text.js';

/**
 * Generates an object with one model call in the given mode: the forced tool call's input (tool mode) or
 * the first text block (json and text modes) is parsed and validated against the schema.
 */
export async function generateObjectWithMode(
  model: Pick<LanguageModel, 'generate'>,
  options: ObjectCallOptions,
  mode: ResolvedObjectMode,
): Promise<ObjectResult> {
  const result = await model.generate(objectCallToCall(options, mode));
  let text = textOf(result.content);
  if (mode === 'tool') {
    const call = toolCallsOf(result.content)[0];
    if (call === undefined) {
      throw new NoObjectGeneratedError({
        message: 'no object generated: the model did not call the object tool',
        rawText: text,
        usage: result.usage,
        finishReason: result.finishReason,
      });
    }
    text = call.input;
  }
  const parsed = await parseObjectText({
    text,
    schema: options.schema,
    repairText: options.repairText,
    usage: result.usage,
    finishReason: result.finishReason,
  });
  return {
    object: parsed.object,
    rawText: parsed.rawText,
    usage: result.usage,
    finishReason: result.finishReason,
    warnings: result.warnings,
    ...(result.providerMetadata ? { providerMetadata: result.providerMetadata } : {}),
  };
}
