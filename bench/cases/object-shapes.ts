/**
 * Case 8: streamObject on deep and wide objects (issue 13 item 7). Each shape is streamed at four sizes,
 * each twice the one before, in 4-character text deltas through an OpenAI-compatible model on an in-process
 * fetch; linear cost means the time doubles with the size (ratio ≈ 2.0), copying the open spine on every
 * delta would make it quadruple. The wide object is also compared with an array of as many elements
 * (strings `"key1=1"`, so both texts have about as many characters).
 */
import { streamObject } from '../../src/object/stream-object.js';
import { jsonSchema } from '../../src/schema/index.js';
import { createFantasyModel } from '../subjects/fantasy.js';
import { splitText, textEvents } from '../support/chat-chunks.js';
import { createFixtureFetch, encodeEvents } from '../support/fixture-fetch.js';
import { measureInterleaved, median } from '../support/measure.js';
import {
  type CaseReport,
  type CaseSettings,
  formatRatio,
  type ResultRow,
  type TargetCheck,
} from '../support/report.js';

type Shape = 'deep object' | 'wide object' | 'wide array';

const shapes: Record<Shape, { unit: string; build: (size: number) => string }> = {
  // Up to the parser's depth limit (maxJsonDepth = 1,000), a text at every level.
  'deep object': {
    unit: 'levels',
    build: (depth) =>
      `${'{"text":"a line of text at this level","child":['.repeat(depth / 2)}0${']}'.repeat(depth / 2)}`,
  },
  'wide object': {
    unit: 'keys',
    build: (width) =>
      JSON.stringify(Object.fromEntries(Array.from({ length: width }, (_, index) => [`key${index}`, index]))),
  },
  'wide array': {
    unit: 'elements',
    build: (width) =>
      JSON.stringify(Array.from({ length: width }, (_, index) => ({ [`key${index}`]: index }))),
  },
};

const sizesOf = (shape: Shape, quick: boolean): number[] => {
  if (shape === 'deep object') return quick ? [64, 128] : [125, 250, 500, 1000];
  return quick ? [256, 512] : [12_500, 25_000, 50_000, 100_000];
};

/** Streams one document as a text-mode object; returns the number of partials, checking the final object. */
async function streamDocument(fetch: typeof globalThis.fetch, text: string): Promise<number> {
  const result = await streamObject({
    model: createFantasyModel(fetch),
    schema: jsonSchema({}),
    mode: 'text',
    prompt: 'Write the document.',
  });
  let partials = 0;
  for await (const _partial of result.partialObjectStream) partials += 1;
  if (JSON.stringify((await result.object).object) !== text)
    throw new Error('the object differs from the document');
  return partials;
}

interface ShapeResult {
  shape: Shape;
  size: number;
  characters: number;
  ms: number;
  runs: number;
}

/** Case 8: total ms per shape and size, and the growth ratio between consecutive sizes. */
export async function runObjectShapesCase(settings: CaseSettings): Promise<CaseReport> {
  const documents = (Object.keys(shapes) as Shape[]).flatMap((shape) =>
    sizesOf(shape, settings.quick).map((size) => {
      const text = shapes[shape].build(size);
      return { shape, size, text, fetch: createFixtureFetch(encodeEvents(textEvents(splitText(text, 4)))) };
    }),
  );
  settings.log(`case 8: ${documents.length} documents, interleaved`);
  const subjects = documents.map((document) => ({
    name: `${document.shape} ${document.size}`,
    run: () => streamDocument(document.fetch, document.text),
  }));
  const times = await measureInterleaved(
    subjects,
    settings.quick ? { warmup: 0, runs: 1 } : { warmup: 1, runs: 5 },
  );
  const results: ShapeResult[] = documents.map((document) => {
    const runs = times.get(`${document.shape} ${document.size}`)!;
    return {
      shape: document.shape,
      size: document.size,
      characters: document.text.length,
      ms: median(runs),
      runs: runs.length,
    };
  });
  return {
    id: '8',
    title: 'Object shapes: deep and wide objects streamed in 4-character deltas (streamObject, text mode)',
    rows: results.map((result) => toRow(result, results)),
    checks: shapeChecks(results),
    notes: ['growth = time at this size / time at half the size; linear ≈ 2.0×, quadratic ≈ 4.0×'],
  };
}

function previousOf(result: ShapeResult, results: readonly ShapeResult[]): ShapeResult | undefined {
  return results.find((other) => other.shape === result.shape && other.size * 2 === result.size);
}

function toRow(result: ShapeResult, results: readonly ShapeResult[]): ResultRow {
  const previous = previousOf(result, results);
  const perCharacter = `${((result.ms * 1e6) / result.characters).toFixed(0)} ns/char`;
  return {
    subject: `${result.shape}, ${result.size.toLocaleString('en-US')} ${shapes[result.shape].unit}`,
    value: result.ms,
    unit: 'ms',
    runs: result.runs,
    note:
      previous === undefined
        ? perCharacter
        : `${perCharacter}, growth ${formatRatio(result.ms / previous.ms)}`,
  };
}

function shapeChecks(results: readonly ShapeResult[]): TargetCheck[] {
  const checks: TargetCheck[] = [];
  for (const shape of Object.keys(shapes) as Shape[]) {
    const [previous, last] = results.filter((result) => result.shape === shape).slice(-2);
    if (previous === undefined || last === undefined) continue;
    const growth = last.ms / previous.ms;
    checks.push({
      target: `${shape}: time grows linearly (last doubling ≤ 3×)`,
      actual: formatRatio(growth),
      met: growth <= 3,
    });
  }
  const largest = (shape: Shape) => results.filter((result) => result.shape === shape).at(-1);
  const object = largest('wide object');
  const array = largest('wide array');
  if (object && array) {
    const ratio = object.ms / object.characters / (array.ms / array.characters);
    checks.push({
      target: 'wide object ≤ 3× the time of a wide array of as many entries (per character)',
      actual: formatRatio(ratio),
      met: ratio <= 3,
    });
  }
  return checks;
}
