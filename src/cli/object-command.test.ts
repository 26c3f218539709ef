import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { testEnvironment } from '../../test/support/cli-environment.js';
import { runCli } from './run-cli.js';

const seedCassette = fileURLToPath(
  new URL('../../test/fixtures/seed-simple-object-streaming.yaml', import.meta.url),
);
const personSchema = fileURLToPath(new URL('../../examples/person.json', import.meta.url));

/** The acceptance command of the issue, exactly, with `extra` options before the prompt. */
function seedArgs(...extra: string[]): string[] {
  return [
    'object',
    '--replay',
    seedCassette,
    '--provider',
    'openaicompat',
    '--base-url',
    'https://api.x.ai/v1',
    '--model',
    'grok-4-fast',
    '--schema',
    personSchema,
    '--schema-name',
    'Person',
    '--schema-description',
    'A person with name, age, and city',
    '--max-tokens',
    '4000',
    ...extra,
    'Generate information about a person named Alice who is 30 years old and lives in Paris.',
  ];
}

describe('fantasy object', () => {
  it('replays the seed session without an API key, prints the final object and exits 0', async () => {
    const environment = testEnvironment(seedArgs());
    const exitCode = await runCli(environment);
    expect(environment.stderr.text()).toBe('');
    expect(exitCode).toBe(0);
    expect(JSON.parse(environment.stdout.text())).toEqual({ name: 'Alice', age: 30, city: 'Paris' });
  });

  it('prints one stream part per line with --json', async () => {
    const environment = testEnvironment(seedArgs('--json'));
    expect(await runCli(environment)).toBe(0);
    const parts = environment.stdout
      .text()
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(parts.map((part) => part.type)).toEqual(['object', 'finish']);
    expect(parts[1]).toMatchObject({
      type: 'finish',
      object: { name: 'Alice', age: 30, city: 'Paris' },
      finishReason: 'tool-calls',
      usage: {
        inputTokens: 1,
        outputTokens: 301,
        totalTokens: 702,
        reasoningTokens: 257,
        cacheReadTokens: 400,
      },
    });
  });

  it('redraws partial objects in place on a terminal, then prints the object and a summary', async () => {
    const environment = testEnvironment(seedArgs(), { tty: true });
    expect(await runCli(environment)).toBe(0);
    const output = environment.stdout.text();
    // A partial frame is drawn, then erased (cursor up, clear) before the final object.
    expect(output).toContain('\x1b[5F\x1b[J');
    expect(output.endsWith('{\n  "age": 30,\n  "city": "Paris",\n  "name": "Alice"\n}\n')).toBe(true);
    expect(environment.stderr.text()).toContain(
      'finish: tool-calls · tokens: 1 in (+400 cached), 301 out (257 reasoning)',
    );
  });

  it('says which option is missing when there is no schema', async () => {
    const environment = testEnvironment(['object', '--model', 'gpt-4o', 'Invent a person']);
    expect(await runCli(environment)).toBe(2);
    expect(environment.stderr.text()).toContain('object needs --schema <file.json>');
  });

  it('rejects a schema file that is not a JSON object', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'fantasy-cli-'));
    await writeFile(join(folder, 'bad.json'), '[1, 2]');
    await writeFile(join(folder, 'broken.json'), '{"type":');
    const notObject = testEnvironment(['object', '--schema', 'bad.json', '-m', 'x', 'p'], { cwd: folder });
    expect(await runCli(notObject)).toBe(2);
    expect(notObject.stderr.text()).toContain('must hold a JSON Schema object');
    const notJson = testEnvironment(['object', '--schema', 'broken.json', '-m', 'x', 'p'], { cwd: folder });
    expect(await runCli(notJson)).toBe(2);
    expect(notJson.stderr.text()).toContain('is not JSON');
  });

  it('rejects an unknown --mode', async () => {
    const environment = testEnvironment([
      'object',
      '--schema',
      personSchema,
      '--mode',
      'yaml',
      '-m',
      'x',
      'p',
    ]);
    expect(await runCli(environment)).toBe(2);
    expect(environment.stderr.text()).toContain('--mode must be one of auto, json, tool, text, got "yaml"');
  });

  it('reports a request the cassette does not hold as a setup error (exit 2) showing the difference, with an error line in --json', async () => {
    const args = seedArgs('--json').map((arg) => (arg === '4000' ? '3000' : arg));
    const environment = testEnvironment(args);
    expect(await runCli(environment)).toBe(2);
    expect(JSON.parse(environment.stdout.text())).toMatchObject({
      type: 'error',
      error: { name: 'CassetteMissError' },
    });
    expect(environment.stderr.text()).toContain('$.max_tokens: recorded 4000 actual 3000');
  });
});
