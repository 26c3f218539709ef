import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import type { HttpClientResult } from '../http/http-client.js';
import { buildHttpBodies } from '../http/sse-server.js';
import type { StreamKind } from '../subjects/vercel-ai.js';
import { median } from '../support/measure.js';
import {
  type CaseReport,
  type CaseSettings,
  formatRatio,
  type ResultRow,
  type TargetCheck,
} from '../support/report.js';
import { repositoryRoot } from './cold-import.js';

const serverPath = fileURLToPath(new URL('../http/sse-server.ts', import.meta.url));
const clientPath = fileURLToPath(new URL('../http/http-client.ts', import.meta.url));

/** The subjects in table order: client name and label. */
export const httpSubjects = [
  ['floor', 'raw fetch floor (indexOf + JSON.parse)'],
  ['fantasy-model', 'fantasy-ts model.stream'],
  ['fantasy-agent', 'fantasy-ts agent.stream'],
  ['ai-dostream', 'ai provider doStream'],
  ['ai-streamtext', 'ai streamText'],
  ['openai', 'openai chat.completions stream'],
] as const;

/** The sizes of one run of the case. */
export interface HttpSettings {
  concurrency: number[];
  rounds: number;
  textDeltas: number;
  toolBytes: number;
  subjects?: readonly string[];
  kinds?: readonly StreamKind[];
}

/** One measurement in the JSON results, for the charts. */
export interface HttpMeasurement extends HttpClientResult {
  round: number;
}

/** Starts the SSE server in its own process; resolves with its origin once it listens. */
export async function startSseServer(settings: Pick<HttpSettings, 'textDeltas' | 'toolBytes'>) {
  const server: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', serverPath, String(settings.textDeltas), String(settings.toolBytes)],
    { cwd: repositoryRoot, stdio: ['pipe', 'pipe', 'inherit'] },
  );
  let output = '';
  server.stdout?.setEncoding('utf8');
  while (!/listening \d+/.test(output)) {
    const [chunk] = (await Promise.race([once(server.stdout!, 'data'), once(server, 'exit')])) as [unknown];
    if (typeof chunk !== 'string') throw new Error('the SSE server exited before listening');
    output += chunk;
  }
  const port = /listening (\d+)/.exec(output)![1];
  return {
    origin: `http://127.0.0.1:${port}`,
    stop: () => {
      server.stdin?.end();
      server.kill();
    },
  };
}

/** Runs one client process (fresh Node, one subject) and returns what it measured. */
export function runHttpClient(options: {
  subject: string;
  kind: StreamKind;
  streams: number;
  origin: string;
  expected: number;
}): HttpClientResult {
  const child = spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      clientPath,
      options.subject,
      options.kind,
      String(options.streams),
      options.origin,
      String(options.expected),
    ],
    { cwd: repositoryRoot, encoding: 'utf8', maxBuffer: 1024 * 1024, timeout: 300_000 },
  );
  if (child.status !== 0)
    throw new Error(`HTTP client ${options.subject} failed: ${child.stderr.trim() || child.error}`);
  return JSON.parse(child.stdout) as HttpClientResult;
}

/** Every (kind, concurrency, round, subject) measurement, subjects interleaved and rotated per round. */
export async function measureHttp(
  settings: HttpSettings,
  log: (message: string) => void,
): Promise<HttpMeasurement[]> {
  const expected = buildHttpBodies(settings.textDeltas, settings.toolBytes).expected;
  const server = await startSseServer(settings);
  const names = settings.subjects ?? httpSubjects.map(([name]) => name);
  const measurements: HttpMeasurement[] = [];
  try {
    for (const kind of settings.kinds ?? (['text', 'tool'] as const)) {
      for (const streams of settings.concurrency) {
        log(`case 9: ${kind}, ${streams} concurrent streams`);
        for (let round = 0; round < settings.rounds; round += 1) {
          for (let offset = 0; offset < names.length; offset += 1) {
            const subject = names[(round + offset) % names.length]!;
            const result = runHttpClient({
              subject,
              kind,
              streams,
              origin: server.origin,
              expected: expected[kind],
            });
            measurements.push({ ...result, round });
          }
        }
      }
    }
  } finally {
    server.stop();
  }
  return measurements;
}

/** The median and spread (min–max) of one subject's values. */
function summarize(values: readonly number[]) {
  return { median: median(values), min: Math.min(...values), max: Math.max(...values) };
}

/** Case 9: client CPU and peak RSS over real loopback HTTP, N concurrent streams, fresh process each. */
export async function runHttpStreamsCase(settings: CaseSettings): Promise<CaseReport> {
  const http: HttpSettings = settings.quick
    ? { concurrency: [1, 5], rounds: 1, textDeltas: 20, toolBytes: 256 }
    : { concurrency: [1, 50, 500], rounds: 5, textDeltas: 250, toolBytes: 20 * 1024 };
  const measurements = await measureHttp(http, settings.log);
  const rows: ResultRow[] = [];
  const checks: TargetCheck[] = [];
  const of = (kind: StreamKind, streams: number, subject: string) =>
    measurements.filter((m) => m.kind === kind && m.streams === streams && m.subject === subject);
  for (const kind of ['text', 'tool'] as const) {
    for (const streams of http.concurrency) {
      const floorCpu = median(of(kind, streams, 'floor').map((m) => m.cpuMs));
      const modelCpu = median(of(kind, streams, 'fantasy-model').map((m) => m.cpuMs));
      for (const [subject, label] of httpSubjects) {
        const runs = of(kind, streams, subject);
        if (runs.length === 0) continue;
        const cpu = summarize(runs.map((m) => m.cpuMs));
        const rss = summarize(runs.map((m) => m.peakRssMb));
        rows.push({
          subject: `${kind} ×${streams} ${label}`,
          value: cpu.median,
          unit: 'ms CPU',
          runs: runs.length,
          note: `CPU ${cpu.min.toFixed(0)}–${cpu.max.toFixed(0)}, ${formatRatio(cpu.median / floorCpu)} floor, ${formatRatio(cpu.median / modelCpu)} model.stream; peak RSS ${rss.median.toFixed(0)} MB (${rss.min.toFixed(0)}–${rss.max.toFixed(0)})`,
        });
      }
      if (streams === Math.max(...http.concurrency)) checks.push(...agentChecks(of, kind, streams));
    }
  }
  return {
    id: '9',
    title: `Real HTTP: chat-completions SSE from a server process on 127.0.0.1, one event per write (text: ${http.textDeltas} deltas; tool: ${(http.toolBytes / 1024).toFixed(1)} KB of arguments in 4-character deltas)`,
    rows,
    checks,
    notes: [
      `each measurement is a fresh node process running N concurrent streams of one subject after one warm-up stream; CPU = process.cpuUsage (user + system) over the N streams; peak RSS = VmHWM of the client process (not maxRSS, which a spawned child inherits from its parent); ${http.rounds} interleaved rounds, median with min–max`,
      'the server runs in its own process on the same two shared cores, so wall time is not reported as a result',
    ],
    data: measurements,
  };
}

function agentChecks(
  of: (kind: StreamKind, streams: number, subject: string) => HttpMeasurement[],
  kind: StreamKind,
  streams: number,
): TargetCheck[] {
  const model = of(kind, streams, 'fantasy-model');
  const agent = of(kind, streams, 'fantasy-agent');
  if (model.length === 0 || agent.length === 0) return [];
  const cpu = median(agent.map((m) => m.cpuMs)) / median(model.map((m) => m.cpuMs));
  const rss = median(agent.map((m) => m.peakRssMb)) / median(model.map((m) => m.peakRssMb));
  return [
    {
      target: `agent.stream ≤ 1.1× model.stream CPU (${kind}, ${streams} concurrent streams over HTTP)`,
      actual: `${formatRatio(cpu)} model.stream`,
      met: cpu <= 1.1,
    },
    {
      target: `agent.stream ≤ 1.1× model.stream peak RSS (${kind}, ${streams} concurrent streams over HTTP)`,
      actual: `${formatRatio(rss)} model.stream`,
      met: rss <= 1.1,
    },
  ];
}
