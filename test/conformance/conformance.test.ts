import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadManifest } from './manifest.js';
import { runEntry } from './runner.js';

const dir = fileURLToPath(new URL('../../../shared/conformance', import.meta.url));
const present = existsSync(`${dir}/manifest.json`);
const why = `the recorded sessions are expected in ${dir} (../shared/conformance beside the repository)`;

const implemented = (provider: string) =>
  existsSync(fileURLToPath(new URL(`./adapters/${provider}.ts`, import.meta.url)));

describe.skipIf(!present)(`recorded provider sessions (${present ? dir : `skipped: ${why}`})`, async () => {
  const manifest = present ? await loadManifest(dir) : [];

  for (const entry of manifest) {
    const name = `replays ${entry.cassette} [${entry.provider}]`;
    if (!implemented(entry.provider)) {
      it.skip(`${name} (skipped: provider ${entry.provider} is not implemented yet)`, () => {});
      continue;
    }
    it(name, async () => {
      const result = await runEntry(entry, dir);
      expect(result.status === 'pass' ? 'pass' : `${result.status}: ${result.reason}`).toBe('pass');
    });
  }
});
