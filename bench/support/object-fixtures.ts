import { splitText, textEvents, toolCallEvents } from './chat-chunks.js';
import { buildDocument } from './documents.js';
import { createFixtureFetch, encodeEvents } from './fixture-fetch.js';

/** Characters per delta of the object case, as the issue asks: about one token of JSON. */
export const objectDeltaSize = 4;

/** The fixtures of one size: the JSON text, and the same deltas as tool-call arguments and as text. */
export function buildObjectFixtures(size: number) {
  const text = buildDocument(size);
  const pieces = splitText(text, objectDeltaSize);
  const toolFetch = createFixtureFetch(
    encodeEvents(toolCallEvents({ id: 'call_1', name: 'generate_object', argumentDeltas: pieces })),
  );
  return {
    text,
    deltas: pieces.length,
    toolFetch,
    textFetch: createFixtureFetch(encodeEvents(textEvents(pieces))),
  };
}

/** Throws unless a streamed object equals the document and arrived as partials. */
export function verifyObject(result: { partials: number; object: unknown }, text: string): void {
  if (result.partials === 0) throw new Error('no partial objects were streamed');
  if (JSON.stringify(result.object) !== text) throw new Error('the final object differs from the document');
}
