import { describe, expect, it } from 'vitest';
import { APICallError } from '../errors/api-call-error.js';
import { NoObjectGeneratedError } from '../errors/no-object-generated-error.js';
import { jsonSchema } from '../schema/json-schema-wrapper.js';
import type { CallOptions } from '../spec/call-options.js';
import { type GenerateResult, withResultText } from '../spec/generate-result.js';
import type { LanguageModel } from '../spec/language-model.js';
import type { ObjectCallOptions } from '../spec/object.js';
import type { StreamPart } from '../spec/stream-part.js';
import { emptyUsage } from '../spec/usage.js';
import { generateObject } from './generate-object.js';
import { generateObjectWithMode } from './generate-object-with-mode.js';
import { streamObject } from './stream-object.js';
import { streamObjectWithMode } from './stream-object-with-mode.js';

type Person = { name: string; age: number };
const person = jsonSchema<Person>({
  type: 'object',
  properties: { name: { type: 'string' }, age: { type: 'integer' } },
  required: ['name', 'age'],
});

/** A model that streams `deltas` as text (json/text modes) or as tool input (tool mode). */
function scriptedModel(
  deltas: string[],
  options: { mode: 'json' | 'tool' | 'text'; fail?: unknown } = { mode: 'json' },
) {
  const calls: CallOptions[] = [];
  const partsFor = (call: CallOptions): StreamPart[] => {
    const parts: StreamPart[] = [];
    if (call.tools?.length) {
      parts.push({ type: 'tool-input-start', id: 't', toolName: 'Person' });
      for (const delta of deltas) parts.push({ type: 'tool-input-delta', id: 't', delta });
      parts.push(
        { type: 'tool-input-end', id: 't' },
        { type: 'tool-call', toolCallId: 't', toolName: 'Person', input: deltas.join('') },
      );
    } else {
      parts.push({ type: 'text-start', id: '0' });
      for (const delta of deltas) parts.push({ type: 'text-delta', id: '0', delta });
      parts.push({ type: 'text-end', id: '0' });
    }
    if (options.fail !== undefined) parts.push({ type: 'error', error: options.fail });
    else parts.push({ type: 'finish', finishReason: 'stop', usage: { ...emptyUsage(), totalTokens: 7 } });
    return parts;
  };
  const model: LanguageModel = {
    provider: 'scripted',
    modelId: 'scripted',
    async generate(call): Promise<GenerateResult> {
      calls.push(call);
      const text = deltas.join('');
      const content: GenerateResult['content'] = call.tools?.length
        ? [{ type: 'tool-call', toolCallId: 't', toolName: 'Person', input: text }]
        : [{ type: 'text', text }];
      return withResultText({ content, finishReason: 'stop', usage: emptyUsage(), warnings: [] });
    },
    async stream(call) {
      calls.push(call);
      return (async function* () {
        yield* partsFor(call);
      })();
    },
    generateObject: (call: ObjectCallOptions) => generateObjectWithMode(model, call, options.mode),
    streamObject: (call: ObjectCallOptions) => streamObjectWithMode(model, call, options.mode),
  };
  return { model, calls };
}

describe('streamObject', () => {
  it('emits a partial object each time the value grows and never the same snapshot twice', async () => {
    const { model } = scriptedModel(['{"na', 'me":"Al', 'ice"', ',  ', '"age":3', '0}']);
    const result = await streamObject({ model, schema: person, prompt: 'x' });
    const partials: unknown[] = [];
    for await (const partial of result.partialObjectStream) partials.push(structuredClone(partial));
    expect(partials).toEqual([
      {},
      { name: 'Al' },
      { name: 'Alice' },
      { name: 'Alice', age: 3 },
      { name: 'Alice', age: 30 },
    ]);
    expect((await result.object).object).toEqual({ name: 'Alice', age: 30 });
  });

  it('resolves the final object when only the promise is awaited', async () => {
    const { model } = scriptedModel(['{"name":"Bo","age":4}'], { mode: 'tool' });
    const result = await streamObject({ model, schema: person, prompt: 'x', schemaName: 'Person' });
    const final = await result.object;
    expect(final.object).toEqual({ name: 'Bo', age: 4 });
    expect(final.rawText).toBe('{"name":"Bo","age":4}');
    expect(final.usage.totalTokens).toBe(7);
  });

  it('rejects with NoObjectGeneratedError carrying raw text and issues when the object breaks the schema', async () => {
    const { model } = scriptedModel(['{"name":"Bo","age":"four"}']);
    const result = await streamObject({ model, schema: person, prompt: 'x' });
    const error = await result.object.catch((caught: unknown) => caught);
    expect(NoObjectGeneratedError.isInstance(error)).toBe(true);
    const noObject = error as NoObjectGeneratedError;
    expect(noObject.rawText).toBe('{"name":"Bo","age":"four"}');
    expect(noObject.issues[0]).toMatchObject({ kind: 'validation', path: '/age' });
    expect(noObject.usage?.totalTokens).toBe(7);
  });

  it('repairs markdown fences before validating', async () => {
    const { model } = scriptedModel(['```json\n{"name":"Bo",', '"age":4}', '\n```'], { mode: 'text' });
    const result = await streamObject({ model, schema: person, prompt: 'x' });
    expect((await result.object).object).toEqual({ name: 'Bo', age: 4 });
  });

  it('closes a truncated object before validating', async () => {
    const { model } = scriptedModel(['{"name":"Bo",', '"age":4'], { mode: 'json' });
    const result = await streamObject({ model, schema: person, prompt: 'x' });
    expect((await result.object).object).toEqual({ name: 'Bo', age: 4 });
  });

  it('gives repairText one chance to fix what failed', async () => {
    const { model } = scriptedModel(['{"name":"Bo","age":"4"}']);
    const result = await streamObject({
      model,
      schema: person,
      prompt: 'x',
      repairText: ({ text }) => text.replace('"4"', '4'),
    });
    expect((await result.object).object).toEqual({ name: 'Bo', age: 4 });
  });

  it('ends every view with the stream error, unchanged', async () => {
    const failure = new APICallError({ message: 'reset', url: 'u', isRetryable: true });
    const { model } = scriptedModel(['{"name":"B'], { mode: 'json', fail: failure });
    const result = await streamObject({ model, schema: person, prompt: 'x' });
    const partials = result.partialObjectStream;
    const seen: unknown[] = [];
    await expect(
      (async () => {
        for await (const partial of partials) seen.push(partial);
      })(),
    ).rejects.toBe(failure);
    await expect(result.object).rejects.toBe(failure);
    expect(seen).toEqual([{ name: 'B' }]);
  });

  it('sends the forced tool named after the schema in tool mode and a JSON response format in json mode', async () => {
    const tool = scriptedModel(['{"name":"Bo","age":4}'], { mode: 'tool' });
    await generateObject({
      model: tool.model,
      schema: person,
      schemaName: 'Person',
      schemaDescription: 'A person',
      prompt: 'x',
    });
    expect(tool.calls[0]?.tools?.[0]).toMatchObject({ name: 'Person', description: 'A person' });
    expect(tool.calls[0]?.toolChoice).toEqual({ type: 'tool', toolName: 'Person' });
    const json = scriptedModel(['{"name":"Bo","age":4}'], { mode: 'json' });
    await generateObject({ model: json.model, schema: person, schemaName: 'Person', prompt: 'x' });
    expect(json.calls[0]?.responseFormat).toMatchObject({ type: 'json', name: 'Person' });
  });

  it('puts the schema instruction into the system prompt in text mode', async () => {
    const text = scriptedModel(['{"name":"Bo","age":4}'], { mode: 'text' });
    await generateObject({ model: text.model, schema: person, system: 'Be brief.', prompt: 'x' });
    const system = text.calls[0]?.prompt[0];
    expect(system?.role).toBe('system');
    expect(JSON.stringify(system)).toContain(
      'Be brief.\\n\\nYou must respond with valid JSON that matches this schema:',
    );
  });

  it('streams a 1 MB object in 4-character deltas to completion', async () => {
    const items = Array.from({ length: 6000 }, (_, index) => ({
      id: index,
      text: `item ${index} `.repeat(15),
    }));
    const json = JSON.stringify({ items });
    const deltas: string[] = [];
    for (let index = 0; index < json.length; index += 4) deltas.push(json.slice(index, index + 4));
    const { model } = scriptedModel(deltas);
    const schema = jsonSchema<{ items: unknown[] }>({
      type: 'object',
      properties: { items: { type: 'array' } },
      required: ['items'],
    });
    const result = await streamObject({ model, schema, prompt: 'x' });
    let count = 0;
    for await (const _partial of result.partialObjectStream) count++;
    expect(json.length).toBeGreaterThan(1_000_000);
    expect(count).toBeGreaterThan(1000);
    expect((await result.object).object.items).toHaveLength(6000);
  });
});
