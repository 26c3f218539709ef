import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  chatChunk,
  scriptedFetch,
  sseResponse,
  testEnvironment,
  usageChunk,
} from '../../test/support/cli-environment.js';
import { runCli } from './run-cli.js';

const xai = ['--provider', 'openaicompat', '--base-url', 'https://api.x.ai/v1', '--model', 'grok-4-fast'];
const xaiKey = { XAI_API_KEY: 'test-key' };

/** A reasoning answer with a tool call in the middle, as a compatible service streams it. */
function reasoningAnswer(): Response {
  return sseResponse([
    chatChunk({ role: 'assistant', reasoning_content: 'The user wants ' }),
    chatChunk({ reasoning_content: 'Portuguese.' }),
    chatChunk({ content: 'Olá' }),
    chatChunk({ content: '!' }),
    chatChunk({
      tool_calls: [
        { index: 0, id: 'call_1', type: 'function', function: { name: 'wave', arguments: '{"times":2}' } },
      ],
    }),
    chatChunk({}, 'tool_calls'),
    usageChunk(10, 5),
  ]);
}

describe('fantasy text', () => {
  it('sends the system prompt, the prompt and the sampling options, and prints the answer', async () => {
    const fetch = scriptedFetch([reasoningAnswer]);
    const environment = testEnvironment(
      ['text', ...xai, '--system', 'Be brief.', '--max-tokens', '100', '--temperature', '0.5', 'Say', 'hi'],
      { env: xaiKey, fetch },
    );
    expect(await runCli(environment)).toBe(0);
    expect(fetch.bodies[0]).toMatchObject({
      model: 'grok-4-fast',
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'Say hi' },
      ],
      max_tokens: 100,
      temperature: 0.5,
      stream: true,
    });
    // Piped: just the answer on stdout; reasoning and tool activity go to stderr.
    expect(environment.stdout.text()).toBe('Olá!\n');
    expect(environment.stderr.text()).toBe('The user wants Portuguese.\n⚙ wave({"times":2})\n');
  });

  it('on a terminal, shows reasoning dimmed and the tool call inline, then a usage summary', async () => {
    const environment = testEnvironment(['text', ...xai, 'hi'], {
      env: xaiKey,
      fetch: scriptedFetch([reasoningAnswer]),
      tty: true,
    });
    expect(await runCli(environment)).toBe(0);
    expect(environment.stdout.text()).toBe(
      '\x1b[2mThe user wants \x1b[22m\x1b[2mPortuguese.\x1b[22m\nOlá!\n\x1b[36m⚙ wave({"times":2})\x1b[39m\n',
    );
    expect(environment.stderr.text()).toContain('finish: tool-calls · tokens: 10 in, 5 out');
  });

  it('turns color off with NO_COLOR', async () => {
    const environment = testEnvironment(['text', ...xai, 'hi'], {
      env: { ...xaiKey, NO_COLOR: '1' },
      fetch: scriptedFetch([reasoningAnswer]),
      tty: true,
    });
    expect(await runCli(environment)).toBe(0);
    expect(environment.stdout.text()).not.toContain('\x1b[');
  });

  it('prints one stream part per line with --json', async () => {
    const environment = testEnvironment(['text', ...xai, '--json', 'hi'], {
      env: xaiKey,
      fetch: scriptedFetch([reasoningAnswer]),
    });
    expect(await runCli(environment)).toBe(0);
    const parts = environment.stdout
      .text()
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(parts.map((part) => part.type)).toEqual([
      'reasoning-start',
      'reasoning-delta',
      'reasoning-delta',
      'reasoning-end',
      'text-start',
      'text-delta',
      'text-delta',
      'text-end',
      'tool-input-start',
      'tool-input-delta',
      'tool-input-end',
      'tool-call',
      'finish',
    ]);
    expect(parts.at(-1)).toMatchObject({
      finishReason: 'tool-calls',
      usage: { inputTokens: 10, outputTokens: 5 },
    });
  });

  it('shows the status and the provider’s own message for a provider error, and exits 1', async () => {
    const fetch = scriptedFetch([
      () =>
        new Response(
          JSON.stringify({
            error: { message: 'Incorrect API key provided: xai-***', type: 'invalid_request_error' },
          }),
          {
            status: 401,
            headers: { 'content-type': 'application/json' },
          },
        ),
    ]);
    const environment = testEnvironment(['text', ...xai, 'hi'], { env: xaiKey, fetch });
    expect(await runCli(environment)).toBe(1);
    const message = environment.stderr.text();
    expect(message).toContain(
      'the provider answered with an error (HTTP 401): Incorrect API key provided: xai-***',
    );
    expect(message).toContain('POST https://api.x.ai/v1/chat/completions');
    expect(message).toContain('check the API key');
  });

  it('retries a 429 with its retry-after, says so on stderr, and then streams the answer', async () => {
    const tooMany = () =>
      new Response('{"error":{"message":"slow down"}}', { status: 429, headers: { 'retry-after-ms': '1' } });
    const fetch = scriptedFetch([tooMany, reasoningAnswer]);
    const environment = testEnvironment(['text', ...xai, 'hi'], { env: xaiKey, fetch });
    expect(await runCli(environment)).toBe(0);
    expect(environment.stderr.text()).toMatch(/attempt 1 failed \(.*slow down.*\); retrying in 0\.0 s/);
    expect(fetch.bodies).toHaveLength(2);
  });

  it('fails at once with --max-retries 0, and rejects a negative count', async () => {
    const tooMany = () => new Response('{"error":{"message":"slow down"}}', { status: 429 });
    const fetch = scriptedFetch([tooMany]);
    const environment = testEnvironment(['text', ...xai, '--max-retries', '0', 'hi'], { env: xaiKey, fetch });
    expect(await runCli(environment)).toBe(1);
    expect(fetch.bodies).toHaveLength(1);
    const negative = testEnvironment(['text', ...xai, '--max-retries', '-1', 'hi'], { env: xaiKey, fetch });
    expect(await runCli(negative)).toBe(2);
  });

  it('writes an error line with name and message in --json mode', async () => {
    const fetch = scriptedFetch([() => new Response('{"error":{"message":"overloaded"}}', { status: 503 })]);
    const environment = testEnvironment(['text', ...xai, '--json', '--max-retries', '0', 'hi'], {
      env: xaiKey,
      fetch,
    });
    expect(await runCli(environment)).toBe(1);
    expect(JSON.parse(environment.stdout.text())).toEqual({
      type: 'error',
      error: { name: 'APICallError', message: expect.stringContaining('overloaded') },
    });
  });

  it('names the variable to set when the API key is missing, and exits 2', async () => {
    const environment = testEnvironment(['text', ...xai, 'hi']);
    expect(await runCli(environment)).toBe(2);
    expect(environment.stderr.text()).toContain('no API key for openaicompat (api.x.ai): set XAI_API_KEY');
    const openai = testEnvironment(['text', '--model', 'gpt-4o', 'hi']);
    expect(await runCli(openai)).toBe(2);
    expect(openai.stderr.text()).toContain('set OPENAI_API_KEY');
  });

  it('reads the key from --api-key-env and sends it as a bearer token', async () => {
    const seen: string[] = [];
    const recordingFetch = (async (_input: RequestInfo | URL, init?: RequestInit) => {
      seen.push(new Headers(init?.headers).get('authorization') ?? '');
      return reasoningAnswer();
    }) as typeof globalThis.fetch;
    const environment = testEnvironment(['text', ...xai, '--api-key-env', 'MY_KEY', 'hi'], {
      env: { MY_KEY: 'secret' },
      fetch: recordingFetch,
    });
    expect(await runCli(environment)).toBe(0);
    expect(seen).toEqual(['Bearer secret']);
  });

  it('sends no key to an OpenAI-compatible host it does not know', async () => {
    const fetch = scriptedFetch([reasoningAnswer]);
    const environment = testEnvironment(
      ['text', '--provider', 'openaicompat', '--base-url', 'http://localhost:8080/v1', '-m', 'local', 'hi'],
      { fetch },
    );
    expect(await runCli(environment)).toBe(0);
  });

  it('takes the provider from a provider:model id', async () => {
    const environment = testEnvironment(['text', '--model', 'antropic:claude', 'hi']);
    // `antropic` is not a provider, so the whole id goes to openai, which then needs its key.
    expect(await runCli(environment)).toBe(2);
    expect(environment.stderr.text()).toContain('no API key for openai');
    const anthropic = testEnvironment(['text', '--model', 'anthropic:claude-sonnet-4-20250514', 'hi']);
    expect(await runCli(anthropic)).toBe(2);
    expect(anthropic.stderr.text()).toContain('set ANTHROPIC_API_KEY');
  });

  it('lists the known providers for an unknown --provider', async () => {
    const environment = testEnvironment(['text', '--provider', 'antropic', '-m', 'x', 'hi']);
    expect(await runCli(environment)).toBe(2);
    expect(environment.stderr.text()).toContain(
      'unknown provider "antropic"; known providers: openai, openaicompat, anthropic',
    );
  });

  it('asks for --base-url where the provider has no default endpoint', async () => {
    const environment = testEnvironment(['text', '--provider', 'openaicompat', '-m', 'x', 'hi']);
    expect(await runCli(environment)).toBe(2);
    expect(environment.stderr.text()).toContain('openaicompat needs --base-url');
  });

  it('reads the prompt from stdin when none is given', async () => {
    const fetch = scriptedFetch([reasoningAnswer]);
    const environment = testEnvironment(['text', ...xai], {
      env: xaiKey,
      fetch,
      input: 'Say hi\nin Portuguese\n',
    });
    expect(await runCli(environment)).toBe(0);
    expect(fetch.bodies[0]).toMatchObject({ messages: [{ role: 'user', content: 'Say hi\nin Portuguese' }] });
  });

  it('records a session with --record and replays it with --replay, without the key', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'fantasy-cli-'));
    const cassette = join(folder, 'hello.yaml');
    const recording = testEnvironment(['text', ...xai, '--record', cassette, 'hi'], {
      env: xaiKey,
      fetch: scriptedFetch([reasoningAnswer]),
    });
    expect(await runCli(recording)).toBe(0);
    const written = await readFile(cassette, 'utf8');
    expect(written).toContain('url: https://api.x.ai/v1/chat/completions');
    expect(written).not.toContain('test-key');
    const replay = testEnvironment(['text', ...xai, '--replay', cassette, 'hi']);
    expect(await runCli(replay)).toBe(0);
    expect(replay.stdout.text()).toBe('Olá!\n');
  });

  it('says when the cassette to replay does not exist', async () => {
    const environment = testEnvironment(['text', ...xai, '--replay', '/nonexistent/cassette.yaml', 'hi']);
    expect(await runCli(environment)).toBe(2);
    expect(environment.stderr.text()).toContain('/nonexistent/cassette.yaml does not exist');
  });
});
