/**
 * The founding demo: stream a `Person` object from xAI's grok-4-fast through the OpenAI-compatible provider,
 * redrawing the partial object as it grows. With XAI_API_KEY set it calls xAI; without, it replays the
 * recorded session in test/fixtures and says so.
 *
 * Run: npm run demo
 */
import { fileURLToPath } from 'node:url';
import { jsonSchema, loadApiKey, streamObject } from '../src/index.js';
import { createOpenAICompatible } from '../src/providers/openaicompat/index.js';
import { createCassetteFetch } from '../src/testing/index.js';
import { personPrompt, personSchema } from './person-schema.js';

type Person = { name: string; age: number; city: string };

const seedPath = fileURLToPath(
  new URL('../test/fixtures/seed-simple-object-streaming.yaml', import.meta.url),
);
const live = Boolean(process.env.XAI_API_KEY);

if (live) console.log('Calling xAI grok-4-fast (XAI_API_KEY is set).\n');
else
  console.log(
    `No XAI_API_KEY: replaying the recorded session ${seedPath}\n(set XAI_API_KEY to call xAI for real).\n`,
  );

const xai = createOpenAICompatible({
  baseURL: 'https://api.x.ai/v1',
  ...(live
    ? { apiKey: loadApiKey({ apiKey: undefined, environmentVariable: 'XAI_API_KEY', provider: 'xAI' }) }
    : {}),
  ...(live ? {} : { fetch: createCassetteFetch({ path: seedPath, mode: 'replay' }) }),
});

const result = await streamObject({
  model: xai.languageModel('grok-4-fast'),
  schema: jsonSchema<Person>(personSchema),
  schemaName: 'Person',
  schemaDescription: 'A person with name, age, and city',
  maxOutputTokens: 4000,
  prompt: personPrompt,
});

const interactive = process.stdout.isTTY;
let drawnLines = 0;
for await (const partial of result.partialObjectStream) {
  const text = `partial: ${JSON.stringify(partial)}`;
  if (interactive && drawnLines > 0) process.stdout.write(`\x1b[${drawnLines}F\x1b[J`);
  process.stdout.write(`${text}\n`);
  drawnLines = 1;
}

const { object, usage, finishReason } = await result.object;
console.log('\nPerson:', object);
console.log(`finish reason: ${finishReason}`);
console.log(
  `usage: input ${usage.inputTokens} (+${usage.cacheReadTokens} cached), output ${usage.outputTokens} ` +
    `(${usage.reasoningTokens} reasoning), total ${usage.totalTokens}`,
);
