/**
 * Draws the benchmark's SVG charts from JSON results (`npm run bench -- --json file`), with no dependency:
 * object-stream time against size on log-log axes (case 2), client CPU and peak RSS per subject over real
 * HTTP (case 9), and CPU per step along a long agent run (case 10). Writes to `bench/results/` and, for the
 * README, to `bench/charts/` (tracked; `bench/results/` is not).
 *
 *   npx tsx bench/charts.ts bench/results/full-2.json bench/results/full-9.json bench/results/full-10.json
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { HttpMeasurement } from './cases/http-streams.js';
import type { LongRunMeasurement } from './cases/long-run.js';
import type { CaseReport } from './support/report.js';

/** One line of a line chart. */
export interface Series {
  name: string;
  color: string;
  points: { x: number; y: number }[];
}

const width = 720;
const height = 400;
const margin = { top: 48, right: 220, bottom: 52, left: 72 };
const plotWidth = width - margin.left - margin.right;
const plotHeight = height - margin.top - margin.bottom;

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function svgDocument(title: string, body: string[]): string {
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" font-family="system-ui, sans-serif" font-size="12" role="img">`,
    `<title>${escapeXml(title)}</title>`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    `<text x="${width / 2}" y="24" text-anchor="middle" font-size="15" font-weight="600">${escapeXml(title)}</text>`,
    ...body,
    '</svg>',
    '',
  ].join('\n');
}

/** Powers of ten covering [min, max], for log axes. */
function decades(min: number, max: number): number[] {
  const ticks: number[] = [];
  for (let power = Math.floor(Math.log10(min)); power <= Math.ceil(Math.log10(max)); power += 1)
    ticks.push(10 ** power);
  return ticks;
}

function formatTick(value: number): string {
  if (value >= 1000) return `${value / 1000}k`;
  return value >= 1 ? String(value) : String(Number(value.toPrecision(1)));
}

/** A line chart; `log` makes both axes logarithmic (powers of ten). */
export function lineChart(options: {
  title: string;
  xLabel: string;
  yLabel: string;
  series: Series[];
  log: { x: boolean; y: boolean };
}): string {
  const all = options.series.flatMap((series) => series.points);
  const range = (values: number[], log: boolean) => {
    const low = Math.min(...values);
    const high = Math.max(...values);
    if (!log) return { low: 0, high: high * 1.05, ticks: linearTicks(high * 1.05) };
    const ticks = decades(low, high);
    return { low: ticks[0]!, high: ticks.at(-1)!, ticks };
  };
  const xRange = range(
    all.map((point) => point.x),
    options.log.x,
  );
  const yRange = range(
    all.map((point) => point.y),
    options.log.y,
  );
  const scale = (value: number, axis: { low: number; high: number }, log: boolean, size: number) =>
    log
      ? ((Math.log10(value) - Math.log10(axis.low)) / (Math.log10(axis.high) - Math.log10(axis.low))) * size
      : ((value - axis.low) / (axis.high - axis.low)) * size;
  const x = (value: number) => margin.left + scale(value, xRange, options.log.x, plotWidth);
  const y = (value: number) => margin.top + plotHeight - scale(value, yRange, options.log.y, plotHeight);
  const body: string[] = [];
  for (const tick of yRange.ticks) {
    body.push(
      `<line x1="${margin.left}" x2="${margin.left + plotWidth}" y1="${y(tick).toFixed(1)}" y2="${y(tick).toFixed(1)}" stroke="#e5e5e5"/>`,
      `<text x="${margin.left - 6}" y="${(y(tick) + 4).toFixed(1)}" text-anchor="end">${formatTick(tick)}</text>`,
    );
  }
  for (const tick of xRange.ticks) {
    body.push(
      `<line x1="${x(tick).toFixed(1)}" x2="${x(tick).toFixed(1)}" y1="${margin.top}" y2="${margin.top + plotHeight}" stroke="#f0f0f0"/>`,
      `<text x="${x(tick).toFixed(1)}" y="${margin.top + plotHeight + 16}" text-anchor="middle">${formatTick(tick)}</text>`,
    );
  }
  body.push(
    `<text x="${margin.left + plotWidth / 2}" y="${height - 12}" text-anchor="middle">${escapeXml(options.xLabel)}</text>`,
    `<text transform="translate(18 ${margin.top + plotHeight / 2}) rotate(-90)" text-anchor="middle">${escapeXml(options.yLabel)}</text>`,
  );
  options.series.forEach((series, index) => {
    const path = series.points.map((point) => `${x(point.x).toFixed(1)},${y(point.y).toFixed(1)}`).join(' ');
    body.push(`<polyline points="${path}" fill="none" stroke="${series.color}" stroke-width="2.5"/>`);
    for (const point of series.points)
      body.push(
        `<circle cx="${x(point.x).toFixed(1)}" cy="${y(point.y).toFixed(1)}" r="3.5" fill="${series.color}"/>`,
      );
    const legendY = margin.top + 8 + index * 20;
    body.push(
      `<rect x="${width - margin.right + 16}" y="${legendY - 9}" width="14" height="4" fill="${series.color}"/>`,
      `<text x="${width - margin.right + 36}" y="${legendY - 3}">${escapeXml(series.name)}</text>`,
    );
  });
  return svgDocument(options.title, body);
}

function linearTicks(high: number): number[] {
  const step = 10 ** Math.floor(Math.log10(high / 2));
  const ticks: number[] = [];
  for (let tick = 0; tick <= high; tick += step * (high / step > 10 ? 2 : 1)) ticks.push(tick);
  return ticks;
}

/** One bar of a bar chart. */
export interface Bar {
  label: string;
  value: number;
  color: string;
  /** Shown after the value, e.g. a ratio. */
  note?: string;
}

/** A horizontal bar chart on a linear axis from zero. */
export function barChart(options: { title: string; unit: string; bars: Bar[] }): string {
  const left = 250;
  const rowHeight = 28;
  const chartHeight = 60 + options.bars.length * rowHeight + 30;
  const max = Math.max(...options.bars.map((bar) => bar.value));
  const barWidth = (value: number) => (value / max) * (width - left - 170);
  const body = options.bars.flatMap((bar, index) => {
    const top = 48 + index * rowHeight;
    const text = `${bar.value.toFixed(bar.value >= 100 ? 0 : 1)} ${options.unit}${bar.note ? `  ${bar.note}` : ''}`;
    return [
      `<text x="${left - 8}" y="${top + 15}" text-anchor="end">${escapeXml(bar.label)}</text>`,
      `<rect x="${left}" y="${top + 3}" width="${barWidth(bar.value).toFixed(1)}" height="${rowHeight - 8}" fill="${bar.color}"/>`,
      `<text x="${left + barWidth(bar.value) + 6}" y="${top + 15}">${escapeXml(text)}</text>`,
    ];
  });
  return svgDocument(options.title, body)
    .replace(
      `viewBox="0 0 ${width} ${height}" width="${width}" height="${height}"`,
      `viewBox="0 0 ${width} ${chartHeight}" width="${width}" height="${chartHeight}"`,
    )
    .replace(`<rect width="${width}" height="${height}"`, `<rect width="${width}" height="${chartHeight}"`);
}

/** Colours by SDK, the same in every chart. */
export const colors = {
  fantasy: '#7c3aed',
  fantasyAlt: '#c084fc',
  ai: '#111827',
  aiAlt: '#6b7280',
  openai: '#10a37f',
  floor: '#f59e0b',
};

const httpColors: Record<string, string> = {
  floor: colors.floor,
  'fantasy-model': colors.fantasy,
  'fantasy-agent': colors.fantasyAlt,
  'ai-dostream': colors.aiAlt,
  'ai-streamtext': colors.ai,
  openai: colors.openai,
};

function median(values: readonly number[]): number {
  const sorted = [...values].sort((left, right) => left - right);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** The object-stream chart of case 2. */
export function objectStreamChart(report: CaseReport): string {
  const data = report.data as { size: number; tool: number; text: number; ai: number | undefined }[];
  const points = (pick: (row: (typeof data)[number]) => number | undefined) =>
    data.flatMap((row) => {
      const y = pick(row);
      return y === undefined ? [] : [{ x: row.size / 1024, y }];
    });
  return lineChart({
    title: 'Streaming an object in 4-character deltas (lower is better)',
    xLabel: 'object size (KB, log)',
    yLabel: 'total time (ms, log)',
    log: { x: true, y: true },
    series: [
      { name: 'fantasy-ts (tool mode)', color: colors.fantasy, points: points((row) => row.tool) },
      { name: 'fantasy-ts (text mode)', color: colors.fantasyAlt, points: points((row) => row.text) },
      { name: 'ai streamText + Output.object', color: colors.ai, points: points((row) => row.ai) },
    ],
  });
}

/** The CPU and RSS charts of case 9, at the highest concurrency, for each kind. */
export function httpCharts(report: CaseReport, labels: Record<string, string>): Record<string, string> {
  const data = report.data as HttpMeasurement[];
  const streams = Math.max(...data.map((m) => m.streams));
  const charts: Record<string, string> = {};
  for (const kind of ['text', 'tool'] as const) {
    const subjects = Object.keys(labels).filter((subject) =>
      data.some((m) => m.subject === subject && m.kind === kind && m.streams === streams),
    );
    if (subjects.length === 0) continue;
    const metric = (subject: string, pick: (m: HttpMeasurement) => number) =>
      median(data.filter((m) => m.subject === subject && m.kind === kind && m.streams === streams).map(pick));
    const what = kind === 'text' ? 'text streams' : 'tool-call streams';
    for (const [name, pick, unit, title] of [
      ['cpu', (m: HttpMeasurement) => m.cpuMs, 'ms', `Client CPU, ${streams} concurrent ${what} over HTTP`],
      [
        'rss',
        (m: HttpMeasurement) => m.peakRssMb,
        'MB',
        `Client peak RSS, ${streams} concurrent ${what} over HTTP`,
      ],
    ] as const) {
      const floor = metric('floor', pick);
      charts[`http-${kind}-${name}.svg`] = barChart({
        title,
        unit,
        bars: subjects.map((subject) => ({
          label: labels[subject]!,
          value: metric(subject, pick),
          color: httpColors[subject] ?? colors.aiAlt,
          note: `${(metric(subject, pick) / floor).toFixed(2)}× floor`,
        })),
      });
    }
  }
  return charts;
}

/** CPU per step along the run, by hundred, for case 10 (fastest round per hundred). */
export function longRunChart(report: CaseReport): string {
  const data = report.data as LongRunMeasurement[];
  const names = [...new Set(data.map((m) => m.subject))];
  const palette = [colors.fantasy, colors.fantasyAlt, colors.aiAlt, colors.ai];
  return lineChart({
    title: 'Agent CPU per step along a 1,000-step run (lower and flatter is better)',
    xLabel: 'steps so far',
    yLabel: 'CPU µs per step (log)',
    log: { x: false, y: true },
    series: names.map((name, index) => {
      const runs = data.filter((m) => m.subject === name);
      return {
        name,
        color: palette[index % palette.length]!,
        points: runs[0]!.perHundredUs.map((_, hundred) => ({
          x: (hundred + 1) * 100,
          y: Math.min(...runs.map((m) => m.perHundredUs[hundred]!)),
        })),
      };
    }),
  });
}

function main(): void {
  const reports = process.argv
    .slice(2)
    .flatMap((file) => (JSON.parse(readFileSync(file, 'utf8')) as { cases: CaseReport[] }).cases);
  const charts: Record<string, string> = {};
  for (const report of reports) {
    if (report.id === '2' && report.data) charts['object-stream.svg'] = objectStreamChart(report);
    if (report.id === '9' && report.data) Object.assign(charts, httpCharts(report, httpLabels));
    if (report.id === '10' && report.data) charts['long-run.svg'] = longRunChart(report);
  }
  for (const directory of ['bench/results', 'bench/charts']) {
    mkdirSync(directory, { recursive: true });
    for (const [name, svg] of Object.entries(charts)) writeFileSync(`${directory}/${name}`, svg);
  }
  process.stdout.write(`wrote ${Object.keys(charts).join(', ') || 'no charts'} to bench/charts/\n`);
}

const httpLabels: Record<string, string> = {
  floor: 'raw fetch floor',
  'fantasy-model': 'fantasy-ts model.stream',
  'fantasy-agent': 'fantasy-ts agent.stream',
  'ai-dostream': 'ai doStream (provider)',
  'ai-streamtext': 'ai streamText',
  openai: 'openai package',
};

if (process.argv[1]?.endsWith('charts.ts')) main();
