import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { personPrompt, personSchema } from '../examples/person-schema.js';
import { jsonSchema, streamObject } from '../src/index.js';
import { createOpenAICompatible } from '../src/providers/openaicompat/index.js';
import { createCassetteFetch } from '../src/testing/index.js';

const seedPath = fileURLToPath(new URL('./fixtures/seed-simple-object-streaming.yaml', import.meta.url));

function seedModel() {
  const fetch = createCassetteFetch({ path: seedPath, mode: 'replay' });
  const xai = createOpenAICompatible({ baseURL: 'https://api.x.ai/v1', apiKey: 'replay-only', fetch });
  return { model: xai.languageModel('grok-4-fast'), fetch };
}

describe('the seed session (xAI grok-4-fast streams a Person through a forced tool call)', () => {
  it('replays end to end through openaicompat and streamObject with the recorded request body', async () => {
    const { model, fetch } = seedModel();
    const result = await streamObject({
      model,
      schema: jsonSchema<{ name: string; age: number; city: string }>(personSchema),
      schemaName: 'Person',
      schemaDescription: 'A person with name, age, and city',
      maxOutputTokens: 4000,
      prompt: personPrompt,
    });
    const partials: unknown[] = [];
    for await (const partial of result.partialObjectStream) partials.push(partial);
    const final = await result.object;

    expect(partials.length).toBeGreaterThan(0);
    expect(final.object).toEqual({ name: 'Alice', age: 30, city: 'Paris' });
    expect(final.finishReason).toBe('tool-calls');
    // xAI reports completion_tokens 44 without the 257 reasoning tokens (401 + 44 + 257 = 702): output
    // includes reasoning on every provider, so it is 301.
    expect(final.usage).toEqual({
      inputTokens: 1,
      outputTokens: 301,
      totalTokens: 702,
      reasoningTokens: 257,
      cacheCreationTokens: 0,
      cacheReadTokens: 400,
    });
    expect(fetch.remaining()).toBe(0);
  });

  it('infers and validates the object type from a zod schema', async () => {
    // zod writes its own JSON Schema (integer bounds, no Fantasy key order), so this request differs from the
    // recording: match any request to replay the recorded answer.
    const fetch = createCassetteFetch({ path: seedPath, mode: 'replay', match: () => true });
    const model = createOpenAICompatible({
      baseURL: 'https://api.x.ai/v1',
      apiKey: 'replay-only',
      fetch,
    }).languageModel('grok-4-fast');
    const Person = z.object({ name: z.string(), age: z.number().int(), city: z.string() });
    const result = await streamObject({
      model,
      schema: Person,
      schemaName: 'Person',
      maxOutputTokens: 4000,
      prompt: personPrompt,
    });
    const { object } = await result.object;
    const typed: { name: string; age: number; city: string } = object;
    expect(typed).toEqual({ name: 'Alice', age: 30, city: 'Paris' });
  });
});
