import { MeterProvider, MetricReader } from '@opentelemetry/sdk-metrics';
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  SimpleSpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import type { TelemetryOptions } from '../../src/telemetry/telemetry-options.js';
import { fantasyAgentTextStream, fantasyModelTextStream } from '../subjects/fantasy.js';
import { buildTextDeltas, textEvents } from '../support/chat-chunks.js';
import { createFixtureFetch, encodeEvents } from '../support/fixture-fetch.js';
import { measureInterleaved, median, probeSubjects, type Subject } from '../support/measure.js';
import { type CaseReport, type CaseSettings, formatRatio, type ResultRow } from '../support/report.js';

/** A metric reader that collects only when asked (never, here): histograms aggregate in place. */
class IdleReader extends MetricReader {
  protected override async onForceFlush(): Promise<void> {}
  protected override async onShutdown(): Promise<void> {}
}

/** The real OpenTelemetry SDK: spans to an in-memory exporter (emptied after each run), metrics aggregated. */
export function createBenchTelemetry(): { options: TelemetryOptions; reset(): number } {
  const exporter = new InMemorySpanExporter();
  const tracerProvider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
  const meterProvider = new MeterProvider({ readers: [new IdleReader()] });
  return {
    options: { tracer: tracerProvider.getTracer('bench'), meter: meterProvider.getMeter('bench') },
    /** Empties the exporter; returns how many spans it held. */
    reset() {
      const spans = exporter.getFinishedSpans().length;
      exporter.reset();
      return spans;
    },
  };
}

const names = {
  none: 'fantasy-ts model.stream, no telemetry option (as before)',
  off: 'fantasy-ts model.stream, telemetry: false',
  on: 'fantasy-ts model.stream, telemetry on',
  agent: 'fantasy-ts agent.stream textStream',
  agentOn: 'fantasy-ts agent.stream textStream, telemetry on',
};

/** Half the interquartile range of `values` over their median: a subject's runs are median ± this. */
function relativeSpread(values: readonly number[]): number {
  const sorted = [...values].sort((left, right) => left - right);
  const at = (fraction: number) => sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))]!;
  return (at(0.75) - at(0.25)) / 2 / median(values);
}

/**
 * Case 11: the per-chunk cost of telemetry on a 10,000-delta text stream. Off (the option unset or
 * `false`) must cost what the stream cost before; on (the OpenTelemetry SDK with an in-memory exporter and
 * a meter) is stated per chunk, for the bare call and for an agent run.
 */
export async function runTelemetryCase(settings: CaseSettings): Promise<CaseReport> {
  const count = settings.quick ? 200 : 10_000;
  const deltas = buildTextDeltas(count);
  const fetch = createFixtureFetch(encodeEvents(textEvents(deltas)));
  const expected = deltas.join('').length;
  const telemetry = createBenchTelemetry();
  const traced = async (run: () => Promise<number>, spans: number) => {
    const length = await run();
    const exported = telemetry.reset();
    if (exported !== spans) throw new Error(`exported ${exported} spans, expected ${spans}`);
    return length;
  };
  const subjects: Subject[] = [
    { name: names.none, run: () => fantasyModelTextStream(fetch) },
    { name: names.off, run: () => fantasyModelTextStream(fetch, { telemetry: false }) },
    {
      name: names.on,
      run: () => traced(() => fantasyModelTextStream(fetch, { telemetry: telemetry.options }), 1),
    },
    { name: names.agent, run: () => fantasyAgentTextStream(fetch) },
    {
      name: names.agentOn,
      run: () => traced(() => fantasyAgentTextStream(fetch, { telemetry: telemetry.options }), 2),
    },
  ];
  const { available, notes } = await probeSubjects(subjects, (length) => {
    if (length !== expected) throw new Error(`received ${String(length)} characters, expected ${expected}`);
  });
  settings.log(`case 11: ${count} deltas, ${available.length} subjects`);
  const times = await measureInterleaved(
    available,
    settings.quick ? { warmup: 0, runs: 1 } : { warmup: 4, runs: 21 },
  );
  const perChunk = (name: string) => {
    const runs = times.get(name);
    return runs?.length ? (median(runs) * 1000) / count : undefined;
  };
  const none = perChunk(names.none);
  const agent = perChunk(names.agent);
  const rows: ResultRow[] = subjects.map(({ name }) => {
    const value = perChunk(name);
    const runs = times.get(name) ?? [];
    const base = name === names.agent || name === names.agentOn ? agent : none;
    const spread = runs.length ? `±${(relativeSpread(runs) * 100).toFixed(0)} % (IQR/2)` : '';
    return {
      subject: name,
      value,
      unit: 'µs/chunk',
      runs: runs.length,
      note:
        value === undefined || base === undefined
          ? 'unavailable'
          : `${formatRatio(value / base)} ${base === agent ? 'agent' : 'model.stream'} without telemetry, ${value >= base ? '+' : ''}${(value - base).toFixed(3)} µs/chunk; spread ${spread}`,
    };
  });
  const off = perChunk(names.off);
  const on = perChunk(names.on);
  const agentOn = perChunk(names.agentOn);
  const noise = Math.max(
    0.05,
    relativeSpread(times.get(names.none) ?? [1]),
    relativeSpread(times.get(names.off) ?? [1]),
  );
  return {
    id: '11',
    title: `Telemetry: ${count.toLocaleString('en')} text deltas, off and on`,
    rows,
    notes: [
      ...notes,
      'on = the OpenTelemetry SDK (BasicTracerProvider, SimpleSpanProcessor, InMemorySpanExporter emptied after each run; MeterProvider aggregating the GenAI histograms): one chat span per model stream, invoke_agent + chat per agent run',
      `noise = the larger half interquartile range over the median of the two "off" subjects (at least 5 %): ±${(noise * 100).toFixed(1)} %; the two run the same code per chunk (telemetry is resolved once per call, and only a call with it on wraps the stream)`,
    ],
    checks: [
      {
        target:
          'telemetry off: the stream costs what it did before (telemetry: false vs no option, within noise)',
        actual:
          off && none ? `${formatRatio(off / none)} (noise ±${(noise * 100).toFixed(1)} %)` : 'unavailable',
        met: off && none ? Math.abs(off / none - 1) <= noise : undefined,
      },
      {
        target: 'telemetry on: cost stated per chunk (model.stream)',
        actual:
          on && none ? `+${(on - none).toFixed(3)} µs/chunk (${formatRatio(on / none)})` : 'unavailable',
        met: on && none ? true : undefined,
      },
      {
        target: 'telemetry on: cost stated per chunk (agent.stream)',
        actual:
          agentOn && agent
            ? `+${(agentOn - agent).toFixed(3)} µs/chunk (${formatRatio(agentOn / agent)})`
            : 'unavailable',
        met: agentOn && agent ? true : undefined,
      },
    ],
    data: Object.fromEntries(subjects.map(({ name }) => [name, times.get(name) ?? []])),
  };
}
