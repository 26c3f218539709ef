import type { JSONSchema } from '../src/index.js';

/** The `Person` schema of the seed session, exactly as Fantasy sent it. */
export const personSchema = {
  type: 'object',
  properties: {
    name: { type: 'string', description: "The person's name" },
    age: { type: 'integer', description: "The person's age" },
    city: { type: 'string', description: 'The city where the person lives' },
  },
  required: ['name', 'age', 'city'],
} satisfies JSONSchema;

/** The seed's prompt. */
export const personPrompt =
  'Generate information about a person named Alice who is 30 years old and lives in Paris.';
