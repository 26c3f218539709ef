import type { JSONSchema } from '../../src/spec/json-value.js';
import { createRandom, sentence } from './random.js';

/** The shape of {@link buildDocument}'s objects, as JSON Schema; both SDKs validate the final object with it. */
export const documentSchema: JSONSchema = {
  type: 'object',
  properties: {
    title: { type: 'string' },
    items: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          id: { type: 'number' },
          name: { type: 'string' },
          price: { type: 'number' },
          description: { type: 'string' },
        },
        required: ['id', 'name', 'price', 'description'],
      },
    },
    text: { type: 'string' },
  },
  required: ['title', 'items', 'text'],
};

/**
 * The JSON text of an object of about `targetBytes` characters: half in an array of small records, half in
 * one long string field, so both the container path and the string path of a partial-JSON parser are timed.
 */
export function buildDocument(targetBytes: number): string {
  const random = createRandom(targetBytes);
  const items: { id: number; name: string; price: number; description: string }[] = [];
  let itemsLength = 2;
  while (itemsLength < targetBytes / 2) {
    const item = {
      id: items.length,
      name: sentence(random, 2),
      price: Math.round(random() * 100_000) / 100,
      description: sentence(random, 8),
    };
    items.push(item);
    itemsLength += JSON.stringify(item).length + 1;
  }
  const paragraphs: string[] = [];
  let textLength = 0;
  while (textLength < targetBytes / 2) {
    const paragraph = sentence(random, 60);
    paragraphs.push(paragraph);
    textLength += paragraph.length + 2;
  }
  return JSON.stringify({ title: 'Benchmark document', items, text: paragraphs.join('\n\n') });
}
