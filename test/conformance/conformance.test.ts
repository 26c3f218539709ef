import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadManifest } from './manifest.js';
import { runEntry } from './runner.js';

const dir = fileURLToPath(new URL('../../../shared/conformance', import.meta.url));
const present = existsSync(`${dir}/manifest.json`);
const why = `the recorded sessions are expected in ${dir} (../shared/conformance beside the repository)`;

/** Providers whose every recorded session must pass inside `npm test`, not only in the conformance runner. */
const providers = ['openai', 'openaicompat'];

describe.skipIf(!present)(`recorded provider sessions (${present ? dir : `skipped: ${why}`})`, async () => {
  const manifest = present ? await loadManifest(dir) : [];
  const entries = manifest.filter((entry) => providers.includes(entry.provider));

  it.each(entries.map((entry) => [entry.cassette, entry] as const))('replays %s', async (_name, entry) => {
    const result = await runEntry(entry, dir);
    if (result.status === 'skip') console.warn(`skip ${entry.cassette}: ${result.reason}`);
    expect(result.status === 'fail' ? result.reason : 'ok').toBe('ok');
  });
});
