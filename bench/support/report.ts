/** One measured (or skipped) subject of a case. */
export interface ResultRow {
  subject: string;
  /** The median; undefined when the subject was skipped or unavailable. */
  value: number | undefined;
  unit: string;
  /** How many measured runs the median is over. */
  runs: number;
  /** Ratios against the other subjects, or why the row was skipped. */
  note?: string;
}

/** A target from the issue and whether this run met it. */
export interface TargetCheck {
  target: string;
  actual: string;
  /** Undefined when a subject it needs was skipped or unavailable. */
  met: boolean | undefined;
}

/** What a case prints and writes to the JSON file. */
export interface CaseReport {
  id: string;
  title: string;
  rows: ResultRow[];
  checks: TargetCheck[];
  notes: string[];
  /** Raw measurements for the charts (`bench/charts.ts`), written to the JSON results only. */
  data?: unknown;
}

/** Settings every case receives from the command line. */
export interface CaseSettings {
  /** Tiny inputs and few runs: a smoke run that checks the cases work, not how fast they are. */
  quick: boolean;
  /** Progress lines go here (stderr in the CLI). */
  log(message: string): void;
}

/** Formats a ratio like `0.042×` or `12.3×`, with enough digits to read. */
export function formatRatio(ratio: number): string {
  if (!Number.isFinite(ratio)) return '–';
  const digits = ratio >= 100 ? 0 : ratio >= 10 ? 1 : ratio >= 0.1 ? 2 : 3;
  return `${ratio.toFixed(digits)}×`;
}

/** Formats a number with about three significant digits. */
export function formatValue(value: number | undefined): string {
  if (value === undefined) return '–';
  if (value >= 100) return value.toFixed(0);
  if (value >= 10) return value.toFixed(1);
  return value.toFixed(2);
}

/** Renders the cases as plain-text tables, one per case, then the target summary. */
export function renderReport(cases: readonly CaseReport[]): string {
  const lines: string[] = [];
  for (const report of cases) {
    lines.push('', `## ${report.id}. ${report.title}`, '');
    lines.push(...renderTable(report.rows));
    for (const note of report.notes) lines.push(`  note: ${note}`);
  }
  lines.push('', '## Targets', '');
  for (const report of cases) {
    for (const check of report.checks)
      lines.push(`  [${verdict(check.met)}] ${check.target}: ${check.actual}`);
  }
  return lines.join('\n');
}

function renderTable(rows: readonly ResultRow[]): string[] {
  const cells = rows.map((row) => [
    row.subject,
    formatValue(row.value),
    row.unit,
    String(row.runs),
    row.note ?? '',
  ]);
  const header = ['subject', 'median', 'unit', 'runs', 'comparison'];
  const widths = header.map((title, column) =>
    Math.max(title.length, ...cells.map((cell) => cell[column]!.length)),
  );
  const format = (cell: string[]) =>
    `  ${cell.map((text, column) => (column === 1 ? text.padStart(widths[column]!) : text.padEnd(widths[column]!))).join('  ')}`.trimEnd();
  return [format(header), format(widths.map((width) => '-'.repeat(width))), ...cells.map(format)];
}

/** The word shown for a target check. */
export function verdict(met: boolean | undefined): string {
  return met === undefined ? 'n/a' : met ? 'met' : 'MISSED';
}
