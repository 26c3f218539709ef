import type { LanguageModel } from '../spec/language-model.js';
import type { ObjectCallOptions, ObjectStreamPart } from '../spec/object.js';
import { objectCallToCall, type ResolvedObjectMode } from './object-modes.js';
import { streamObjectParts } from './stream-object-parts.js';

/** Streams an object with one model call in the given mode. Setup errors reject; later ones are parts. */
export async function streamObjectWithMode(
  model: Pick<LanguageModel, 'stream'>,
  options: ObjectCallOptions,
  mode: ResolvedObjectMode,
): Promise<AsyncIterable<ObjectStreamPart>> {
  const parts = await model.stream(objectCallToCall(options, mode));
  return streamObjectParts(parts, {
    source: mode === 'tool' ? 'tool' : 'text',
    schema: options.schema,
    repairText: options.repairText,
  });
}
