/**
 * The founding demo: stream a `Person` object from xAI's grok-4-fast through the OpenAI-compatible provider,
 * redrawing the partial object as it grows. With XAI_API_KEY set it calls xAI; without, it replays the
 * recorded seed session in test/fixtures and says so. Then it replays a second session, a fixture written
 * for the demo (test/fixtures/fixture-person-many-deltas.yaml), whose object arrives in many small deltas.
 *
 * Run: npm run demo
 */
import { fileURLToPath } from 'node:url';
import { jsonSchema, type LanguageModel, loadApiKey, streamObject } from '../src/index.js';
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
    `First session, recorded from xAI (no XAI_API_KEY, so replayed): ${seedPath}\n(set XAI_API_KEY to call xAI for real).\n`,
  );

const xai = createOpenAICompatible({
  baseURL: 'https://api.x.ai/v1',
  ...(live
    ? { apiKey: loadApiKey({ apiKey: undefined, environmentVariable: 'XAI_API_KEY', provider: 'xAI' }) }
    : {}),
  ...(live ? {} : { fetch: createCassetteFetch({ path: seedPath, mode: 'replay' }) }),
});

await streamPerson({ model: xai.languageModel('grok-4-fast'), prompt: personPrompt });

// The seed delivers its object in one chunk, so it shows one partial. The second session is a fixture
// written for this demo (not a recording) whose object arrives in 16 small deltas: the partial object grows.
const manyDeltasPath = fileURLToPath(
  new URL('../test/fixtures/fixture-person-many-deltas.yaml', import.meta.url),
);
console.log(
  `\nSecond session (a fixture written for this demo, not a recording): ${manyDeltasPath}\n` +
    'its object arrives in many small deltas, each partial drawn as it comes.\n',
);
const fixture = createOpenAICompatible({
  baseURL: 'https://api.x.ai/v1',
  apiKey: 'replay',
  fetch: createCassetteFetch({ path: manyDeltasPath, mode: 'replay' }),
});
await streamPerson({
  model: fixture.languageModel('grok-4-fast'),
  prompt: 'Generate information about a person named Bob who is 42 years old and lives in Lisbon.',
});

/** Streams one Person, redrawing the partial object in place on a terminal (one line per partial otherwise). */
async function streamPerson(options: { model: LanguageModel; prompt: string }): Promise<void> {
  const result = await streamObject({
    model: options.model,
    schema: jsonSchema<Person>(personSchema),
    schemaName: 'Person',
    schemaDescription: 'A person with name, age, and city',
    maxOutputTokens: 4000,
    prompt: options.prompt,
  });
  const interactive = process.stdout.isTTY;
  let drawnLines = 0;
  for await (const partial of result.partialObjectStream) {
    const text = `partial: ${JSON.stringify(partial)}`;
    if (interactive && drawnLines > 0) process.stdout.write(`\x1b[${drawnLines}F\x1b[J`);
    process.stdout.write(`${text}\n`);
    drawnLines = 1;
    // Slow the replay down a little on a terminal so the growth is visible; a live call has its own pace.
    if (interactive) await new Promise((resolve) => setTimeout(resolve, 60));
  }
  const { object, usage, finishReason } = await result.object;
  console.log('\nPerson:', object);
  console.log(`finish reason: ${finishReason}`);
  console.log(
    `usage: input ${usage.inputTokens} (+${usage.cacheReadTokens} cached), output ${usage.outputTokens} ` +
      `(${usage.reasoningTokens} reasoning), total ${usage.totalTokens}`,
  );
}
