import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPage } from '../../examples/chat-web/server/build-page.js';
import { type ChatServer, startChatServer } from '../../examples/chat-web/server/create-chat-server.js';
import type { RunRecord } from '../../examples/chat-web/server/run-log.js';

// The chat example in a real browser: Debian's Chromium driven by playwright-core (which never downloads a
// browser), against the example server on 127.0.0.1 replaying its recorded sessions. Then an AG-UI client
// (@ag-ui/client's HttpAgent, from the example's own dependencies) against the AG-UI endpoint.
const exampleDirectory = fileURLToPath(new URL('../../examples/chat-web/', import.meta.url));
const resultsDirectory = fileURLToPath(new URL('../../test-results/', import.meta.url));
const chromiumPath = '/usr/bin/chromium';

let server: ChatServer;
let context: BrowserContext;
let page: Page;
let userDataDirectory: string;

beforeAll(async () => {
  if (!existsSync(join(exampleDirectory, 'node_modules/@ai-sdk/react/package.json'))) {
    // @ai-sdk/react declares node >= 22; only its browser bundle runs, so Node 20 is fine.
    execFileSync('npm', ['ci', '--engine-strict=false', '--no-audit', '--no-fund'], {
      cwd: exampleDirectory,
    });
  }
  await buildPage();
  server = await startChatServer({ port: 0, replayDelayMs: 40 });
  userDataDirectory = mkdtempSync(join(tmpdir(), 'fantasy-chat-web-'));
  context = await chromium.launchPersistentContext(userDataDirectory, {
    executablePath: chromiumPath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  page = context.pages()[0] ?? (await context.newPage());
});

afterAll(async () => {
  await context?.close();
  await server?.close();
  if (userDataDirectory !== undefined) rmSync(userDataDirectory, { recursive: true, force: true });
});

async function runs(): Promise<RunRecord[]> {
  const response = await fetch(`${server.url}/api/runs`);
  return (await response.json()) as RunRecord[];
}

/** Records every length the last assistant text had, as the page renders it. */
async function watchAssistantText(): Promise<void> {
  await page.evaluate(() => {
    const state = window as unknown as { textLengths: number[] };
    state.textLengths = [];
    const observer = new MutationObserver(() => {
      const texts = document.querySelectorAll('[data-testid=message-assistant] [data-testid=text]');
      const last = texts[texts.length - 1];
      const length = last?.textContent?.length ?? 0;
      if (length !== state.textLengths.at(-1)) state.textLengths.push(length);
    });
    observer.observe(document.body, { subtree: true, childList: true, characterData: true });
  });
}

async function textLengths(): Promise<number[]> {
  return page.evaluate(() => (window as unknown as { textLengths: number[] }).textLengths);
}

function assistantTexts() {
  return page.getByTestId('message-assistant').getByTestId('text');
}

async function send(text: string): Promise<void> {
  await page.getByPlaceholder('Say something').fill(text);
  await page.getByRole('button', { name: 'Send' }).click();
}

describe('the chat page in Chromium', () => {
  it('says it replays recorded sessions when there is no API key', async () => {
    await page.goto(server.url);
    await expect.poll(() => page.getByTestId('mode').textContent()).toContain('replays recorded sessions');
  });

  it('streams text progressively, shows the tool call, and runs the tool after Approve', async () => {
    await watchAssistantText();
    await send('Please email Ada the weekly report.');
    const tool = page.getByTestId('tool');
    await tool.waitFor();
    await expect.poll(() => tool.getAttribute('data-state')).toBe('approval-requested');
    expect(await assistantTexts().first().textContent()).toBe("I'll draft that email to Ada for you.");
    const lengths = await textLengths();
    // Rendered word by word, not all at once.
    expect(lengths.filter((length) => length > 0).length).toBeGreaterThan(3);
    expect(await page.getByTestId('tool-input').textContent()).toContain('ada@example.com');
    expect((await runs()).at(-1)).toMatchObject({ status: 'waiting-for-approval', toolsStarted: [] });

    await page.getByRole('button', { name: 'Approve' }).click();
    await page.getByTestId('tool-output').waitFor();
    expect(await page.getByTestId('tool-output').textContent()).toContain('msg-001');
    await expect
      .poll(() => assistantTexts().last().textContent())
      .toBe('Done: the email to Ada with the subject "Weekly report" was sent (message id msg-001).');
    await expect.poll(() => page.getByTestId('status').textContent()).toBe('ready');
    const resumed = (await runs()).at(-1);
    expect(resumed).toMatchObject({ endpoint: 'chat', status: 'finished', toolsStarted: ['send_email'] });
  });

  it('stops mid-stream: the server aborts the run and cancels the model request', async () => {
    await watchAssistantText();
    await send('Tell me a long story.');
    // Wait for the story's own message (the page still shows the earlier answers above it).
    await expect
      .poll(async () => (await assistantTexts().last().textContent()) ?? '')
      .toMatch(/^Once upon a time/);
    await expect.poll(async () => (await textLengths()).at(-1) ?? 0).toBeGreaterThan(40);
    await page.getByRole('button', { name: 'Stop' }).click();
    await expect.poll(() => page.getByTestId('status').textContent()).toBe('ready');
    await expect.poll(async () => (await runs()).at(-1)?.status).toBe('aborted');
    const stopped = (await runs()).at(-1);
    expect(stopped).toMatchObject({ modelRequests: 1, modelRequestsCancelled: 1, toolsStartedAfterAbort: 0 });
    const shown = (await assistantTexts().last().textContent()) ?? '';
    expect(shown.startsWith('Once upon a time')).toBe(true);
    expect(shown).not.toContain('went to sleep.');
    mkdirSync(resultsDirectory, { recursive: true });
    await page.screenshot({ path: join(resultsDirectory, 'chat-web.png'), fullPage: true });
  });

  it('answers a malformed chat body with a 400 and a message', async () => {
    const response = await fetch(`${server.url}/api/chat`, {
      method: 'POST',
      body: '{"messages":[{"id":1}]}',
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: string }).error).toContain('messages[0].id');
  });
});

describe('the AG-UI endpoint', () => {
  it('serves an AG-UI HttpAgent: text, the tool call as an interrupt, and the result after resuming', async () => {
    const require = createRequire(join(exampleDirectory, 'package.json'));
    const { HttpAgent } = (await import(pathToFileURL(require.resolve('@ag-ui/client')).href)) as {
      HttpAgent: new (config: {
        url: string;
        threadId: string;
        initialMessages: unknown[];
      }) => {
        messages: { role: string; content?: unknown; toolCalls?: { function: { name: string } }[] }[];
        pendingInterrupts: { id: string; toolCallId?: string }[];
        runAgent(
          parameters: { runId: string; resume?: unknown[] },
          subscriber: { onEvent: (input: { event: { type: string } }) => void },
        ): Promise<unknown>;
      };
    };
    const agent = new HttpAgent({
      url: `${server.url}/api/agui`,
      threadId: 'thread-1',
      initialMessages: [{ id: 'u1', role: 'user', content: 'Please email Ada the weekly report.' }],
    });
    const first: string[] = [];
    await agent.runAgent({ runId: 'run-1' }, { onEvent: ({ event }) => first.push(event.type) });
    expect(first[0]).toBe('RUN_STARTED');
    expect(first).toContain('TEXT_MESSAGE_CONTENT');
    expect(first).toContain('TOOL_CALL_END');
    expect(first.at(-1)).toBe('RUN_FINISHED');
    expect(agent.pendingInterrupts).toHaveLength(1);
    const assistant = agent.messages.find((message) => message.role === 'assistant');
    expect(assistant?.content).toBe("I'll draft that email to Ada for you.");
    expect(assistant?.toolCalls?.[0]?.function.name).toBe('send_email');

    const interrupt = agent.pendingInterrupts[0]!;
    const second: string[] = [];
    await agent.runAgent(
      {
        runId: 'run-2',
        resume: [{ interruptId: interrupt.id, status: 'resolved', payload: { approved: true } }],
      },
      { onEvent: ({ event }) => second.push(event.type) },
    );
    expect(second).toContain('TOOL_CALL_RESULT');
    expect(second.at(-1)).toBe('RUN_FINISHED');
    const tool = agent.messages.find((message) => message.role === 'tool');
    expect(String(tool?.content)).toContain('msg-001');
    expect(agent.messages.at(-1)).toMatchObject({
      role: 'assistant',
      content: expect.stringContaining('Done'),
    });
    expect((await runs()).filter((run) => run.endpoint === 'agui').map((run) => run.status)).toEqual([
      'waiting-for-approval',
      'finished',
    ]);
  });
});
