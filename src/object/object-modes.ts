import type { CallOptions } from '../spec/call-options.js';
import type { Message } from '../spec/message.js';
import type { ObjectCallOptions, ObjectMode } from '../spec/object.js';
import type { FunctionTool } from '../spec/tool.js';

/** The strategies a provider can use; `auto` is resolved by the provider before it gets here. */
export type ResolvedObjectMode = Exclude<ObjectMode, 'auto'>;

/** Resolves `auto` and coerces modes the provider cannot do, e.g. `json` → `tool` for openaicompat. */
export function resolveObjectMode(
  requested: ObjectMode | undefined,
  native: 'json' | 'tool',
): ResolvedObjectMode {
  if (requested === undefined || requested === 'auto') return native;
  if (requested === 'json' && native === 'tool') return 'tool';
  return requested;
}

/** The forced tool of tool mode: named after the schema, described by it. */
export function objectTool(options: ObjectCallOptions): FunctionTool {
  return {
    type: 'function',
    name: options.schemaName || 'generate_object',
    description: options.schemaDescription || 'Generate a structured object matching the schema',
    inputSchema: options.schema,
  };
}

/** The model call an object call turns into, for a given mode. */
export function objectCallToCall(options: ObjectCallOptions, mode: ResolvedObjectMode): CallOptions {
  const {
    schema,
    schemaName,
    schemaDescription,
    mode: _mode,
    repairText: _repairText,
    prompt,
    ...rest
  } = options;
  if (mode === 'tool') {
    const tool = objectTool(options);
    return { ...rest, prompt, tools: [tool], toolChoice: { type: 'tool', toolName: tool.name } };
  }
  if (mode === 'json') {
    const responseFormat = {
      type: 'json' as const,
      schema,
      ...(schemaName === undefined ? {} : { name: schemaName }),
      ...(schemaDescription === undefined ? {} : { description: schemaDescription }),
    };
    return { ...rest, prompt, responseFormat };
  }
  return { ...rest, prompt: withSchemaInstruction(prompt, JSON.stringify(schema)) };
}

/**
 * Text mode's prompt: Fantasy's instruction appended to the first text of every system message, or a new
 * system message holding just the instruction when there is none.
 */
export function withSchemaInstruction(prompt: readonly Message[], schemaText: string): Message[] {
  const instruction = `You must respond with valid JSON that matches this schema: ${schemaText}\nRespond ONLY with the JSON object, no additional text or explanation.`;
  let sawSystem = false;
  const messages = prompt.map((message): Message => {
    if (message.role !== 'system') return message;
    sawSystem = true;
    const first = message.content.find((part) => part.type === 'text');
    const text = first && first.type === 'text' ? `${first.text}\n\n${instruction}` : instruction;
    return { role: 'system', content: [{ type: 'text', text }] };
  });
  return sawSystem
    ? messages
    : [{ role: 'system', content: [{ type: 'text', text: instruction }] }, ...messages];
}
