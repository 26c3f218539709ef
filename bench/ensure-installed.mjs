// `npm run bench`, `npm test` and `npm run typecheck` run this first (the bench smoke test and the typecheck reach the
// bench's comparison subjects): the comparison SDKs (ai, @ai-sdk/openai-compatible, openai) live in
// bench/package.json, not in the project's devDependencies, so the project's own install stays free of their
// `engines: node >= 22` warnings. Installs them from bench/package-lock.json when bench/node_modules is
// missing or older than the lockfile.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const bench = fileURLToPath(new URL('.', import.meta.url));
const lockfile = `${bench}package-lock.json`;
const installed = `${bench}node_modules/.package-lock.json`;

if (!existsSync(installed) || statSync(installed).mtimeMs < statSync(lockfile).mtimeMs) {
  process.stderr.write('bench: installing the comparison SDKs into bench/node_modules (npm ci)\n');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, ['ci', '--no-audit', '--no-fund', '--loglevel=error'], {
    cwd: bench,
    stdio: 'inherit',
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
