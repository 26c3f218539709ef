import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { personSchema } from '../examples/person-schema.js';
import { streamObject } from '../src/object/stream-object.js';
import { createOpenAICompatible } from '../src/providers/openaicompat/index.js';
import { jsonSchema } from '../src/schema/json-schema-wrapper.js';
import { createCassetteFetch } from '../src/testing/cassette/create-cassette-fetch.js';

const fixture = fileURLToPath(new URL('fixtures/fixture-person-many-deltas.yaml', import.meta.url));

describe("the demo's second session (a fixture whose object arrives in many deltas)", () => {
  it('replays as the demo asks for it, growing the partial object step by step to the final Person', async () => {
    const model = createOpenAICompatible({
      baseURL: 'https://api.x.ai/v1',
      apiKey: 'replay',
      fetch: createCassetteFetch({ path: fixture, mode: 'replay' }),
    }).languageModel('grok-4-fast');
    const result = await streamObject({
      model,
      schema: jsonSchema<{ name: string; age: number; city: string }>(personSchema),
      schemaName: 'Person',
      schemaDescription: 'A person with name, age, and city',
      maxOutputTokens: 4000,
      prompt: 'Generate information about a person named Bob who is 42 years old and lives in Lisbon.',
    });
    const partials: unknown[] = [];
    for await (const partial of result.partialObjectStream) partials.push(partial);
    expect(partials.length).toBeGreaterThan(5);
    expect(partials).toContainEqual({ name: 'Bob' });
    expect(partials.at(-1)).toEqual({ name: 'Bob Ferreira', age: 42, city: 'Lisbon' });
    expect((await result.object).object).toEqual({ name: 'Bob Ferreira', age: 42, city: 'Lisbon' });
  });
});
