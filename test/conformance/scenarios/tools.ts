import { type AgentTool, tool } from '../../../src/agent/index.js';
import { jsonSchema } from '../../../src/index.js';

/** SCENARIOS.md §1.2: always answers "40 C". */
export const weatherTool: AgentTool = tool({
  name: 'weather',
  description: 'Get weather information for a location',
  inputSchema: jsonSchema<{ location: string }>({
    type: 'object',
    properties: { location: { type: 'string', description: 'the city' } },
    required: ['location'],
  }),
  execute: () => '40 C',
});

const numbers = jsonSchema<{ a: number; b: number }>({
  type: 'object',
  properties: {
    a: { type: 'integer', description: 'first number' },
    b: { type: 'integer', description: 'second number' },
  },
  required: ['a', 'b'],
});

/** SCENARIOS.md §1.3. */
export const addTool: AgentTool = tool({
  name: 'add',
  description: 'Add two numbers',
  inputSchema: numbers,
  execute: ({ a, b }) => String(a + b),
});

/** SCENARIOS.md §1.3. */
export const multiplyTool: AgentTool = tool({
  name: 'multiply',
  description: 'Multiply two numbers',
  inputSchema: numbers,
  execute: ({ a, b }) => String(a * b),
});
