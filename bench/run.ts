/**
 * `npm run bench`: fantasy-ts against the Vercel AI SDK (`ai` + `@ai-sdk/openai-compatible`) in one process,
 * on the same bytes from an in-process fetch. Prints a table of medians with ratios and the targets.
 *
 *   npm run bench                    all cases, full sizes (several minutes)
 *   npm run bench -- --quick         tiny inputs, one run each: a smoke run
 *   npm run bench -- --json out.json also write the results as JSON
 *   npm run bench -- --only 1,3      only the listed cases
 *   npx tsx bench/charts.ts out.json draws the SVG charts from a JSON results file
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, freemem, loadavg, totalmem } from 'node:os';
import { parseArgs } from 'node:util';
import { runAgentStepCase } from './cases/agent-step.js';
import { runBundleSizeCase } from './cases/bundle-size.js';
import { benchRoot, runColdImportCase } from './cases/cold-import.js';
import { runEmbedManyCase } from './cases/embed-many.js';
import { runHttpStreamsCase } from './cases/http-streams.js';
import { runLongRunCase } from './cases/long-run.js';
import { runMemoryCase } from './cases/memory.js';
import { runObjectShapesCase } from './cases/object-shapes.js';
import { runObjectStreamCase } from './cases/object-stream.js';
import { runTelemetryCase } from './cases/telemetry.js';
import { runTextStreamCase } from './cases/text-stream.js';
import { runToolInputCase } from './cases/tool-input-stream.js';
import { type CaseReport, type CaseSettings, renderReport } from './support/report.js';

const cases: Record<string, (settings: CaseSettings) => Promise<CaseReport>> = {
  '1': runTextStreamCase,
  '2': runObjectStreamCase,
  '3': runToolInputCase,
  '4': runAgentStepCase,
  '5': runColdImportCase,
  '6': runBundleSizeCase,
  '7': runMemoryCase,
  '8': runObjectShapesCase,
  '9': runHttpStreamsCase,
  '10': runLongRunCase,
  '11': runTelemetryCase,
  '12': runEmbedManyCase,
};

/** The machine and versions a run was made on. */
function describeMachine() {
  const cpuModel = /model name\s*:\s*(.*)/.exec(safeRead('/proc/cpuinfo'))?.[1] ?? 'unknown';
  const version = (name: string) =>
    (
      JSON.parse(readFileSync(`${benchRoot}node_modules/${name}/package.json`, 'utf8')) as {
        version: string;
      }
    ).version;
  const gigabytes = (bytes: number) => `${(bytes / 1024 ** 3).toFixed(1)} GiB`;
  return {
    cpus: availableParallelism(),
    cpuModel,
    memory: `${gigabytes(totalmem())} total, ${gigabytes(freemem())} free`,
    node: process.version,
    loadAverage: loadavg()
      .map((load) => load.toFixed(2))
      .join(' '),
    ai: version('ai'),
    openaiCompatible: version('@ai-sdk/openai-compatible'),
  };
}

function safeRead(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      quick: { type: 'boolean', default: false },
      json: { type: 'string' },
      only: { type: 'string' },
    },
  });
  const selected = values.only?.split(',').map((id) => id.trim()) ?? Object.keys(cases);
  const settings: CaseSettings = {
    quick: values.quick,
    log: (message) => process.stderr.write(`${message}\n`),
  };
  const machine = describeMachine();
  console.log(
    `# fantasy-ts vs ai ${machine.ai} + @ai-sdk/openai-compatible ${machine.openaiCompatible}${values.quick ? ' (quick: tiny inputs, not a measurement)' : ''}`,
  );
  console.log(
    `# ${machine.cpus} CPUs (${machine.cpuModel}), ${machine.memory}, node ${machine.node}, load average ${machine.loadAverage}`,
  );
  const reports: CaseReport[] = [];
  for (const id of selected) {
    const run = cases[id];
    if (run === undefined) throw new Error(`no case ${id}; cases are ${Object.keys(cases).join(', ')}`);
    const started = performance.now();
    reports.push(await run(settings));
    settings.log(`case ${id} took ${((performance.now() - started) / 1000).toFixed(0)} s`);
  }
  console.log(renderReport(reports));
  if (values.json !== undefined) {
    writeFileSync(
      values.json,
      `${JSON.stringify({ machine, quick: values.quick, cases: reports }, null, 2)}\n`,
    );
  }
}

await main();
