/**
 * The conformance runner: replays every recorded provider session of a directory laid out like
 * `../shared/conformance` and checks each scenario's assertions.
 *
 *   npm run conformance -- --dir ../shared/conformance [--provider openai] [--filter tool] [--json out.json]
 */
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadManifest } from './manifest.js';
import { type EntryResult, runEntry } from './runner.js';

const { values } = parseArgs({
  options: {
    dir: { type: 'string', default: '../shared/conformance' },
    provider: { type: 'string', multiple: true },
    filter: { type: 'string' },
    json: { type: 'string' },
    quiet: { type: 'boolean', default: false },
  },
});

const dir = resolve(values.dir ?? '../shared/conformance');
const manifest = await loadManifest(dir);
const entries = manifest.filter(
  (entry) =>
    (values.provider === undefined || values.provider.includes(entry.provider)) &&
    (values.filter === undefined || entry.cassette.includes(values.filter)),
);

const results: EntryResult[] = [];
for (const entry of entries) {
  const result = await runEntry(entry, dir);
  results.push(result);
  if (values.quiet && result.status === 'pass') continue;
  const reason = result.reason ? `: ${result.reason}` : '';
  console.log(`${result.status} ${result.cassette} [${result.provider}]${reason}`);
}

const count = (status: EntryResult['status']) => results.filter((result) => result.status === status).length;
if (values.json) await writeFile(values.json, `${JSON.stringify(results, null, 2)}\n`);
console.log(`${count('pass')} passed, ${count('fail')} failed, ${count('skip')} skipped`);
process.exitCode = count('fail') > 0 ? 1 : 0;
