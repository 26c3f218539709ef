import { describe, expect, it } from 'vitest';
import { scriptedFetch, testEnvironment } from '../../test/support/cli-environment.js';
import { runCli } from './run-cli.js';

const answer = () =>
  new Response(
    JSON.stringify({
      data: [
        { index: 0, embedding: [0.5, -0.5] },
        { index: 1, embedding: [1, 0] },
      ],
      usage: { prompt_tokens: 4 },
    }),
    { status: 200, headers: { 'content-type': 'application/json' } },
  );

describe('fantasy embed', () => {
  it('prints one vector per text and sends the dimensions', async () => {
    const fetch = scriptedFetch([answer]);
    const environment = testEnvironment(
      ['embed', '-m', 'openai:text-embedding-3-small', '--dimensions', '2', 'hello', 'world'],
      { env: { OPENAI_API_KEY: 'test-key' }, fetch },
    );
    expect(await runCli(environment)).toBe(0);
    expect(fetch.bodies[0]).toMatchObject({
      model: 'text-embedding-3-small',
      input: ['hello', 'world'],
      dimensions: 2,
    });
    expect(environment.stdout.text()).toBe('[0.5,-0.5]\n[1,0]\n');
  });

  it('prints JSON lines with --json, usage last', async () => {
    const environment = testEnvironment(['embed', '--json', '-m', 'openai:e', 'a', 'b'], {
      env: { OPENAI_API_KEY: 'test-key' },
      fetch: scriptedFetch([answer]),
    });
    expect(await runCli(environment)).toBe(0);
    const lines = environment.stdout
      .text()
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines).toEqual([
      { type: 'embedding', value: 'a', embedding: [0.5, -0.5] },
      { type: 'embedding', value: 'b', embedding: [1, 0] },
      { type: 'usage', tokens: 4 },
    ]);
  });

  it('exits 2 for a provider without embeddings and for bad dimensions', async () => {
    const anthropic = testEnvironment(['embed', '-m', 'anthropic:claude', 'x'], {
      env: { ANTHROPIC_API_KEY: 'k' },
    });
    expect(await runCli(anthropic)).toBe(2);
    expect(anthropic.stderr.text()).toContain('has no embedding models');
    const dimensions = testEnvironment(['embed', '-m', 'openai:e', '--dimensions', 'x', 'y'], {
      env: { OPENAI_API_KEY: 'k' },
    });
    expect(await runCli(dimensions)).toBe(2);
    expect(dimensions.stderr.text()).toContain('--dimensions must be a positive integer');
  });
});
