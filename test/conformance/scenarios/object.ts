import { type JSONSchema, type ObjectStreamPart, userMessage } from '../../../src/index.js';
import { check, show } from '../check.js';
import type { ScenarioContext } from './context.js';

const person: JSONSchema = {
  type: 'object',
  properties: {
    name: { type: 'string', description: "The person's name" },
    age: { type: 'integer', description: "The person's age" },
    city: { type: 'string', description: 'The city where the person lives' },
  },
  required: ['name', 'age', 'city'],
};

const book: JSONSchema = {
  type: 'object',
  properties: {
    title: { type: 'string', description: 'The book title' },
    author: {
      type: 'object',
      properties: {
        name: { type: 'string', description: "Author's name" },
        nationality: { type: 'string', description: "Author's nationality" },
      },
      required: ['name', 'nationality'],
    },
    genres: { type: 'array', items: { type: 'string' }, description: 'List of genres' },
    published_year: { type: 'integer', description: 'Year the book was published' },
  },
  required: ['title', 'author', 'genres', 'published_year'],
};

const schemas = {
  simple: { schema: person, name: 'Person', description: 'A person with name, age, and city' },
  complex: {
    schema: book,
    name: 'Book',
    description: 'A book with title, author, genres, and publication year',
  },
};

/** simple_object, complex_object and their streaming variants (SCENARIOS.md §3). */
export async function runObjectScenario(context: ScenarioContext): Promise<void> {
  const { entry, model } = context;
  const kind = entry.scenario.startsWith('complex') ? 'complex' : 'simple';
  const { schema, name, description } = schemas[kind];
  const call = {
    prompt: [userMessage(entry.prompt ?? '')],
    schema,
    schemaName: name,
    schemaDescription: description,
    maxOutputTokens: entry.maxOutputTokens ?? 4000,
    ...(context.providerOptions ? { providerOptions: context.providerOptions } : {}),
  };
  if (!entry.streaming) {
    const result = await model.generateObject(call);
    check(result.object != null, 'object is missing');
    check(result.rawText !== '', 'rawText is empty');
    check(result.usage.totalTokens > 0, `usage.totalTokens is ${result.usage.totalTokens}`);
    checkObject(kind, result.object);
    return;
  }
  let last: unknown;
  let objects = 0;
  let finish: Extract<ObjectStreamPart, { type: 'finish' }> | undefined;
  for await (const part of await model.streamObject(call)) {
    if (part.type === 'object') {
      last = part.object;
      objects++;
    } else if (part.type === 'finish') finish = part;
    else if (part.type === 'error') throw part.error;
  }
  check(last != null && objects > 0, 'no object part was streamed');
  check(finish !== undefined, 'no finish part');
  check(finish.finishReason !== 'unknown', 'finish reason is unknown');
  check(finish.usage.totalTokens > 0, `usage.totalTokens is ${finish.usage.totalTokens}`);
  checkObject(kind, last);
}

function checkObject(kind: 'simple' | 'complex', object: unknown): void {
  check(typeof object === 'object' && object !== null, `object is not an object: ${show(object)}`);
  const value = object as Record<string, unknown>;
  if (kind === 'simple') {
    check(typeof value.name === 'string' && value.name !== '', `name: ${show(value.name)}`);
    check(typeof value.age === 'number' && value.age > 0, `age: ${show(value.age)}`);
    check(typeof value.city === 'string' && value.city !== '', `city: ${show(value.city)}`);
    return;
  }
  check(
    typeof value.title === 'string' && value.title.toLowerCase().includes('rings'),
    `title: ${show(value.title)}`,
  );
  const author = value.author as Record<string, unknown> | undefined;
  check(
    typeof author === 'object' && author !== null && 'name' in author && 'nationality' in author,
    `author: ${show(author)}`,
  );
  check(
    Array.isArray(value.genres) &&
      value.genres.length > 0 &&
      value.genres.every((genre) => typeof genre === 'string'),
    `genres: ${show(value.genres)}`,
  );
  check(
    typeof value.published_year === 'number' && value.published_year > 1900,
    `published_year: ${show(value.published_year)}`,
  );
}
