/**
 * Runs every fantasy-ts case of the benchmark (`npm run bench`) with tiny inputs, so the bench keeps
 * compiling and working as the library changes. Nothing here is timed; the AI SDK and openai sides are not
 * run, so bench/node_modules (the comparison SDKs) need not be installed.
 */
import { describe, expect, it } from 'vitest';
import { fantasyProgram, measureBundle } from '../bench/cases/bundle-size.js';
import { measureColdImport } from '../bench/cases/cold-import.js';
import { measureEmbedManyMemory } from '../bench/cases/embed-many.js';
import { measureHttp } from '../bench/cases/http-streams.js';
import { measureLongRun } from '../bench/cases/long-run.js';
import { measureMemory } from '../bench/cases/memory.js';
import { createBenchTelemetry } from '../bench/cases/telemetry.js';
import { httpCharts, longRunChart, objectStreamChart } from '../bench/charts.js';
import {
  createFantasyAgentLoop,
  fantasyAgentTextStream,
  fantasyEmbedMany,
  fantasyLongRun,
  fantasyModelTextStream,
  fantasyStreamObject,
  fantasyToolInputStream,
} from '../bench/subjects/fantasy.js';
import { floorTextStream, floorToolInputStream } from '../bench/subjects/floor.js';
import { buildTextDeltas, textEvents } from '../bench/support/chat-chunks.js';
import {
  createEmbeddingService,
  embeddingValues,
  verifyEmbeddings,
} from '../bench/support/embedding-service.js';
import { createFixtureFetch, encodeEvents } from '../bench/support/fixture-fetch.js';
import { extrapolate, median } from '../bench/support/measure.js';
import { buildObjectFixtures, verifyObject } from '../bench/support/object-fixtures.js';
import { buildToolInputFixture, verifyToolInput } from '../bench/support/tool-input-fixtures.js';

describe('bench case 1: text stream', () => {
  const deltas = buildTextDeltas(50);
  const fetch = createFixtureFetch(encodeEvents(textEvents(deltas)));
  const expected = deltas.join('').length;

  it('delivers every character through model.stream, with and without a signal', async () => {
    expect(await fantasyModelTextStream(fetch)).toBe(expected);
    expect(await fantasyModelTextStream(fetch, { abortSignal: new AbortController().signal })).toBe(expected);
  });

  it('delivers every character through the agent textStream and the floor loop', async () => {
    expect(await fantasyAgentTextStream(fetch)).toBe(expected);
    expect(await floorTextStream(fetch)).toBe(expected);
  });
});

describe('bench case 2: object stream', () => {
  const fixtures = buildObjectFixtures(1024);

  it.each(['tool', 'text'] as const)('streams partials and the whole document in %s mode', async (mode) => {
    const fetch = mode === 'tool' ? fixtures.toolFetch : fixtures.textFetch;
    const result = await fantasyStreamObject({ fetch, mode });
    expect(() => verifyObject(result, fixtures.text)).not.toThrow();
    expect(result.partials).toBeGreaterThan(1);
  });

  it('rejects a result that differs from the document', () => {
    expect(() => verifyObject({ partials: 1, object: {} }, fixtures.text)).toThrow(/differs/);
  });
});

describe('bench case 3: tool-call input stream', () => {
  it('delivers every input delta and the whole call, as the floor loop sees it', async () => {
    const fixture = buildToolInputFixture(256);
    expect(fixture.deltas).toBeGreaterThan(200);
    const result = await fantasyToolInputStream(fixture.fetch);
    expect(() => verifyToolInput(result, fixture.text)).not.toThrow();
    expect(await floorToolInputStream(fixture.fetch)).toBe(fixture.text.length);
  });
});

describe('bench case 4: agent step overhead', () => {
  it('runs the two-step tool loop with generate and with stream', async () => {
    const loop = createFantasyAgentLoop();
    expect(await loop.generate()).toBe(2);
    expect(await loop.stream()).toBe(2);
  });
});

describe('bench cases 5 to 7: child processes and bundles', () => {
  it('times a cold import of the openaicompat sources in a fresh process', () => {
    const result = measureColdImport({
      name: 'openaicompat sources',
      specifiers: ['./src/providers/openaicompat/index.ts'],
      nodeArguments: ['--import', 'tsx'],
    });
    expect(result.importMs).toBeGreaterThan(0);
    expect(result.processMs).toBeGreaterThan(result.importMs);
  });

  it('bundles the streamObject program from the sources', async () => {
    const program = fantasyProgram({
      root: './src/index.ts',
      openaicompat: './src/providers/openaicompat/index.ts',
    });
    const size = await measureBundle(program);
    expect(size.gzipped).toBeGreaterThan(1000);
    expect(size.gzipped).toBeLessThan(size.minified);
  });

  it('keeps live-heap growth near the largest event while streaming, in a child process', () => {
    // A regression check for decodeSseStream, which once kept each chunk's bytes alive across its yields:
    // growth was then twice the largest event instead of about once (the consumer's own delta).
    const result = measureMemory({
      subject: 'fantasy',
      responseBytes: 4 * 1024 * 1024,
      largestDeltaBytes: 2 * 1024 * 1024,
    });
    expect(result.samples).toBeGreaterThan(0);
    expect(result.peakGrowthBytes).toBeGreaterThan(0);
    expect(result.peakGrowthBytes).toBeLessThan(1.5 * result.largestEventBytes);
  });
});

describe('bench statistics', () => {
  it('takes the median of odd and even lists', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('extrapolates with the exponent fitted on two points, or a quadratic from one', () => {
    const fitted = extrapolate(
      [
        { size: 1, ms: 10 },
        { size: 2, ms: 40 },
      ],
      8,
    );
    expect(fitted.exponent).toBeCloseTo(2);
    expect(fitted.ms).toBeCloseTo(640);
    expect(extrapolate([{ size: 1, ms: 10 }], 4)).toEqual({ ms: 160, exponent: 2 });
  });
});

describe('bench case 9: real HTTP', () => {
  it('serves SSE from its own process and counts every character in fresh client processes', async () => {
    const measurements = await measureHttp(
      {
        concurrency: [2],
        rounds: 1,
        textDeltas: 20,
        toolBytes: 128,
        subjects: ['floor', 'fantasy-agent'],
        kinds: ['tool'],
      },
      () => undefined,
    );
    expect(measurements.map((m) => `${m.kind} ${m.subject}`)).toEqual(['tool floor', 'tool fantasy-agent']);
    for (const measurement of measurements) {
      expect(measurement.streams).toBe(2);
      expect(measurement.cpuMs).toBeGreaterThan(0);
      expect(measurement.peakRssMb).toBeGreaterThanOrEqual(measurement.baselineRssMb);
    }
  }, 120_000);
});

describe('bench case 10: long run', () => {
  it.each(['generate', 'stream'] as const)('runs 200 %s steps and reports two hundreds', async (mode) => {
    const measurement = await measureLongRun('fantasy', fantasyLongRun, mode, 200);
    expect(measurement.perHundredUs).toHaveLength(2);
    expect(measurement.retainedMb).toBeGreaterThan(-100);
  });
});

describe('bench charts', () => {
  it('draws the object-stream, HTTP and long-run charts as SVG', () => {
    const object = objectStreamChart({
      id: '2',
      title: '',
      rows: [],
      checks: [],
      notes: [],
      data: [
        { size: 16 * 1024, tool: 20, text: 18, ai: 1400 },
        { size: 64 * 1024, tool: 80, text: 70, ai: undefined },
      ],
    });
    expect(object).toMatch(/^<svg[^>]*viewBox/);
    expect(object.match(/<polyline/g)).toHaveLength(3);
    const http = httpCharts(
      {
        id: '9',
        title: '',
        rows: [],
        checks: [],
        notes: [],
        data: ['floor', 'fantasy-model'].map((subject) => ({
          subject,
          kind: 'tool',
          streams: 500,
          cpuMs: 100,
          wallMs: 1,
          peakRssMb: 90,
          baselineRssMb: 80,
          round: 0,
        })),
      },
      { floor: 'floor', 'fantasy-model': 'model.stream' },
    );
    expect(Object.keys(http)).toEqual(['http-tool-cpu.svg', 'http-tool-rss.svg']);
    expect(http['http-tool-cpu.svg']).toContain('1.00× floor');
    const longRun = longRunChart({
      id: '10',
      title: '',
      rows: [],
      checks: [],
      notes: [],
      data: [{ subject: 'fantasy-ts agent.stream', perHundredUs: [20, 21, 19], retainedMb: 1 }],
    });
    expect(longRun.match(/<circle/g)).toHaveLength(3);
  });
});

describe('bench case 11: telemetry', () => {
  const deltas = buildTextDeltas(50);
  const fetch = createFixtureFetch(encodeEvents(textEvents(deltas)));
  const expected = deltas.join('').length;

  it('streams every character with telemetry off and on, exporting one span per model stream', async () => {
    const telemetry = createBenchTelemetry();
    expect(await fantasyModelTextStream(fetch, { telemetry: false })).toBe(expected);
    expect(telemetry.reset()).toBe(0);
    expect(await fantasyModelTextStream(fetch, { telemetry: telemetry.options })).toBe(expected);
    expect(telemetry.reset()).toBe(1);
    expect(await fantasyAgentTextStream(fetch, { telemetry: telemetry.options })).toBe(expected);
    expect(telemetry.reset()).toBe(2);
  });
});

describe('bench case 12: embedMany', () => {
  it.each(['base64', 'float'] as const)(
    'gets every vector back in its place over the %s wire',
    async (encoding) => {
      const service = createEmbeddingService();
      const values = embeddingValues(4100);
      verifyEmbeddings(await fantasyEmbedMany({ fetch: service.fetch, values, encoding }), values.length);
    },
  );

  it('rejects vectors out of order', () => {
    const vector = (index: number) => [index / 16384, ...new Array<number>(1535).fill(0)];
    expect(() => verifyEmbeddings([vector(1), vector(0)], 2)).toThrow(/not value 0/);
  });

  it('measures peak RSS and retained heap in a child process', () => {
    const memory = measureEmbedManyMemory('fantasy-base64', 2100);
    expect(memory.count).toBe(2100);
    // 2,100 vectors of 1,536 numbers are at least 25 MB of doubles.
    expect(memory.retainedBytes).toBeGreaterThan(20 * 1024 * 1024);
  }, 60_000);
});
