import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { testEnvironment } from '../../test/support/cli-environment.js';
import { runCli } from './run-cli.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** The README's replay command line, split as a shell would (double quotes group words). */
function readmeReplayCommand(): string[] {
  const readme = readFileSync(`${root}/README.md`, 'utf8');
  const line = readme
    .split('\n')
    .find((text) => text.startsWith('npx fantasy object') && text.includes('--replay'));
  if (line === undefined) throw new Error('README.md has no `npx fantasy object ... --replay` line');
  const words = [...line.matchAll(/"([^"]*)"|(\S+)/g)].map((match) => match[1] ?? match[2] ?? '');
  return words.slice(2); // drop `npx fantasy`
}

describe('the README replay command', () => {
  it('replays the seed session as written: schema title and description, 4000 max tokens', async () => {
    const environment = testEnvironment(readmeReplayCommand(), { cwd: root });
    expect(await runCli(environment)).toBe(0);
    expect(JSON.parse(environment.stdout.text())).toEqual({ age: 30, city: 'Paris', name: 'Alice' });
  });

  it('exits 2 on a cassette miss and shows how the request differs from the recorded one', async () => {
    const args = readmeReplayCommand().slice(0, -1);
    const environment = testEnvironment([...args, 'Invent Bob'], { cwd: root });
    expect(await runCli(environment)).toBe(2);
    expect(environment.stderr.text()).toMatch(
      /differs:[\s\S]*messages\[0\]\.content: recorded "Generate[\s\S]*actual "Invent Bob"/,
    );
  });

  it('says the provider could not be reached, not that it answered, when the connection fails', async () => {
    const refused = (async () => {
      throw new TypeError('fetch failed', { cause: { code: 'ECONNREFUSED' } });
    }) as unknown as typeof fetch;
    const environment = testEnvironment(
      [
        'text',
        '--provider',
        'openaicompat',
        '--base-url',
        'http://127.0.0.1:9',
        '-m',
        'm',
        '--max-retries',
        '0',
        'hi',
      ],
      { env: { FANTASY_KEY: 'k' }, fetch: refused },
    );
    expect(await runCli(environment)).toBe(1);
    expect(environment.stderr.text()).toContain('could not reach http://127.0.0.1:9 (ECONNREFUSED)');
    expect(environment.stderr.text()).not.toContain('the provider answered');
  });
});
