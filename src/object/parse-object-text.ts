import { NoObjectGeneratedError, type ObjectIssue } from '../errors/no-object-generated-error.js';
import { maxJsonDepth } from '../json/max-json-depth.js';
import { measureJsonDepth } from '../json/measure-json-depth.js';
import { repairJson } from '../json/repair-json.js';
import { validateJsonSchema } from '../schema/validate-json-schema.js';
import type { FinishReason } from '../spec/finish-reason.js';
import type { JSONSchema } from '../spec/json-value.js';
import type { RepairTextFunction } from '../spec/object.js';
import type { Usage } from '../spec/usage.js';

/** What is known when the model's final text is turned into an object. */
export interface ParseObjectTextOptions {
  text: string;
  schema: JSONSchema;
  repairText?: RepairTextFunction | undefined;
  usage?: Usage | undefined;
  finishReason?: FinishReason | undefined;
}

/**
 * Parses and validates the model's final text. Order: `JSON.parse`; if that fails, `repairJson` on text up
 * to 1 MiB (finds the first value the schema accepts in prose or a fence, undoes comments, Python literals
 * and the like, closes a cut-off value keeping its complete entries); text nested deeper than `maxJsonDepth`
 * is a parse issue; if the result still fails to parse or
 * validate and a `repairText` hook is given, the hook's text gets one more try. Throws a
 * `NoObjectGeneratedError` with the raw text, the issues, usage and finish reason when nothing works.
 */
export async function parseObjectText(
  options: ParseObjectTextOptions,
): Promise<{ object: unknown; rawText: string }> {
  const first = await parseAndValidate(options.text, options.schema);
  if (first.issues.length === 0) return { object: first.value, rawText: options.text };
  if (options.repairText) {
    const error = new NoObjectGeneratedError({ rawText: options.text, issues: first.issues });
    const repaired = await options.repairText({ text: options.text, error });
    if (repaired !== options.text) {
      const second = await parseAndValidate(repaired, options.schema);
      if (second.issues.length === 0) return { object: second.value, rawText: repaired };
    }
  }
  throw new NoObjectGeneratedError({
    rawText: options.text,
    issues: first.issues,
    usage: options.usage,
    finishReason: options.finishReason,
  });
}

/** Parses (repairing if needed) and validates; `issues` is empty on success. */
async function parseAndValidate(
  text: string,
  schema: JSONSchema,
): Promise<{ value?: unknown; issues: ObjectIssue[] }> {
  const parsed = await parseLenient(text, schema);
  if ('issue' in parsed) return { issues: [parsed.issue] };
  return { value: parsed.value, issues: await validateJsonSchema(parsed.value, schema) };
}

async function parseLenient(
  text: string,
  schema: JSONSchema,
): Promise<{ value: unknown } | { issue: ObjectIssue }> {
  if (text.trim() === '') return { issue: { kind: 'parse', message: 'the model returned no text' } };
  const depth = measureJsonDepth(text);
  if (depth > maxJsonDepth) {
    // Schema validation recurses per level: such a text would overflow the stack, and no answer is this deep.
    return { issue: { kind: 'parse', message: `the JSON nests deeper than ${maxJsonDepth} levels` } };
  }
  try {
    return { value: JSON.parse(text) };
  } catch (error) {
    const repaired = await repairJson(text, { schema });
    try {
      if (repaired !== undefined) return { value: JSON.parse(repaired) };
    } catch {
      // The repair did not make it JSON: report the original parse error.
    }
    return { issue: { kind: 'parse', message: (error as Error).message } };
  }
}
