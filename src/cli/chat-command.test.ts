import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  chatChunk,
  scriptedFetch,
  sseResponse,
  testEnvironment,
  usageChunk,
} from '../../test/support/cli-environment.js';
import { parseMessages } from '../persistence/serialize-messages.js';
import { runCli } from './run-cli.js';

/** Recorded with `fantasy chat --record` against a local OpenAI-compatible test server (see the CLI README). */
const twoTurnCassette = fileURLToPath(
  new URL('../../test/fixtures/cli-chat-two-turns.yaml', import.meta.url),
);

const local = [
  '--provider',
  'openaicompat',
  '--base-url',
  'http://localhost:8080/v1',
  '--model',
  'local-model',
];

function answer(text: string): () => Response {
  return () =>
    sseResponse([chatChunk({ role: 'assistant', content: text }), chatChunk({}, 'stop'), usageChunk(5, 3)]);
}

describe('fantasy chat', () => {
  it('keeps the conversation: the second turn sends the first turn as history', async () => {
    const fetch = scriptedFetch([answer('Nice to meet you, Ana.'), answer('Your name is Ana.')]);
    const environment = testEnvironment(['chat', ...local, '--system', 'Be brief.'], {
      fetch,
      input: "Hi, I'm Ana\nWhat's my name?\n/exit\nnever sent\n",
    });
    expect(await runCli(environment)).toBe(0);
    expect(environment.stdout.text()).toBe('Nice to meet you, Ana.\nYour name is Ana.\n');
    expect(fetch.bodies).toHaveLength(2);
    expect(fetch.bodies[1]).toMatchObject({
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: "Hi, I'm Ana" },
        { role: 'assistant', content: 'Nice to meet you, Ana.' },
        { role: 'user', content: "What's my name?" },
      ],
    });
  });

  it('saves the conversation with --session and continues it in the next run', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'fantasy-chat-'));
    const session = join(folder, 'session.json');
    const first = testEnvironment(['chat', ...local, '--session', session], {
      fetch: scriptedFetch([answer('Hello!')]),
      input: 'Hi\n',
    });
    expect(await runCli(first)).toBe(0);
    expect(parseMessages(await readFile(session, 'utf8'))).toEqual([
      { role: 'user', content: [{ type: 'text', text: 'Hi' }] },
      { role: 'assistant', content: [{ type: 'text', text: 'Hello!' }] },
    ]);
    const fetch = scriptedFetch([answer('You said hi.')]);
    const second = testEnvironment(['chat', ...local, '--session', session], {
      fetch,
      input: 'What did I say?\n',
    });
    expect(await runCli(second)).toBe(0);
    expect(fetch.bodies[0]).toMatchObject({
      messages: [
        { role: 'user', content: 'Hi' },
        { role: 'assistant', content: 'Hello!' },
        { role: 'user', content: 'What did I say?' },
      ],
    });
    expect(parseMessages(await readFile(session, 'utf8'))).toHaveLength(4);
  });

  it('forgets the history on /reset', async () => {
    const fetch = scriptedFetch([answer('One.'), answer('Two.')]);
    const environment = testEnvironment(['chat', ...local], { fetch, input: 'first\n/reset\nsecond\n' });
    expect(await runCli(environment)).toBe(0);
    expect(fetch.bodies[1]).toMatchObject({ messages: [{ role: 'user', content: 'second' }] });
    expect(environment.stdout.text()).toContain('(history cleared)');
  });

  it('reports a failed turn, keeps going without it, and exits 1 when not interactive', async () => {
    const rejected = () => new Response('{"error":{"message":"context too long"}}', { status: 400 });
    const fetch = scriptedFetch([rejected, answer('Fine.')]);
    const environment = testEnvironment(['chat', ...local], { fetch, input: 'too long\nshort\n' });
    expect(await runCli(environment)).toBe(1);
    expect(environment.stderr.text()).toContain(
      'error: the provider answered with an error (HTTP 400): context too long',
    );
    expect(environment.stdout.text()).toBe('Fine.\n');
    expect(fetch.bodies[1]).toMatchObject({ messages: [{ role: 'user', content: 'short' }] });
  });

  it('prints the agent’s stream parts as JSON lines with --json', async () => {
    const environment = testEnvironment(['chat', ...local, '--json'], {
      fetch: scriptedFetch([answer('Hi.')]),
      input: 'Hello\n',
    });
    expect(await runCli(environment)).toBe(0);
    const types = environment.stdout
      .text()
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line).type);
    expect(types).toEqual(['step-start', 'text-start', 'text-delta', 'text-end', 'finish', 'step-finish']);
  });

  it('records a chat with --record and replays it with --replay', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'fantasy-chat-'));
    const cassette = join(folder, 'chat.yaml');
    const input = 'Hi\nAgain\n';
    const recording = testEnvironment(['chat', ...local, '--record', cassette], {
      fetch: scriptedFetch([answer('One.'), answer('Two.')]),
      input,
    });
    expect(await runCli(recording)).toBe(0);
    const replay = testEnvironment(['chat', ...local, '--replay', cassette], { input });
    expect(await runCli(replay)).toBe(0);
    expect(replay.stdout.text()).toBe('One.\nTwo.\n');
  });

  it('replays the recorded two-turn chat fixture, reasoning echoed back on the second turn', async () => {
    const environment = testEnvironment(
      [
        'chat',
        '--provider',
        'openaicompat',
        '--base-url',
        'http://127.0.0.1:8787/v1',
        '--model',
        'local-model',
        '--system',
        'Be brief.',
        '--replay',
        twoTurnCassette,
      ],
      { input: "Hi, I'm Ana\nWhat's my name?\n" },
    );
    expect(await runCli(environment)).toBe(0);
    expect(environment.stdout.text()).toBe('Nice to meet you, Ana! How can I help?\nYour name is Ana.\n');
    expect(environment.stderr.text()).toBe(
      'The user introduced themselves as Ana.\nEarlier the user said their name is Ana.\n',
    );
  });

  it('refuses a session file that is not a stored conversation, saying where it is wrong', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'fantasy-chat-'));
    const session = join(folder, 'session.json');
    await writeFile(
      session,
      '{"format":"fantasy-ts/messages","version":1,"messages":[{"role":"robot","content":[]}]}',
    );
    const environment = testEnvironment(['chat', ...local, '--session', session], { input: 'Hi\n' });
    expect(await runCli(environment)).toBe(2);
    expect(environment.stderr.text()).toContain('invalid fantasy-ts conversation at messages[0].role');
  });
});
