import { splitText, toolCallEvents } from './chat-chunks.js';
import { createFixtureFetch, encodeEvents } from './fixture-fetch.js';
import { createRandom, sentence } from './random.js';

/** A tool call's arguments of about `size` characters: `{"query": "<words>"}`. */
export function buildToolArguments(size: number): string {
  const random = createRandom(size);
  const words: string[] = [];
  let length = 0;
  while (length < size - 12) {
    const word = sentence(random, 1);
    words.push(word);
    length += word.length + 1;
  }
  return JSON.stringify({ query: words.join(' ') });
}

/** The arguments streamed one character (one code point) per delta, served by an in-process fetch. */
export function buildToolInputFixture(size: number) {
  const text = buildToolArguments(size);
  const deltas = splitText(text, 1);
  const events = toolCallEvents({ id: 'call_1', name: 'lookup', argumentDeltas: deltas });
  return { text, deltas: deltas.length, fetch: createFixtureFetch(encodeEvents(events)) };
}

/** Throws unless the subject saw every delta and a final call with the whole input. */
export function verifyToolInput(result: { deltaLength: number; input: string }, text: string): void {
  if (result.deltaLength !== text.length)
    throw new Error(`received ${result.deltaLength} of ${text.length} input characters`);
  if (JSON.stringify(JSON.parse(result.input)) !== text)
    throw new Error('the tool call input differs from the arguments');
}
