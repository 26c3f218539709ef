import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { testEnvironment } from '../../test/support/cli-environment.js';
import { abbreviateJson, formatJson } from './abbreviate-json.js';
import { runCli } from './run-cli.js';
import { summarizeSse } from './summarize-sse.js';

const seedCassette = fileURLToPath(
  new URL('../../test/fixtures/seed-simple-object-streaming.yaml', import.meta.url),
);

function sse(events: readonly unknown[]): string {
  return events.map((event) => `data: ${JSON.stringify(event)}\n\n`).join('');
}

describe('fantasy cassette show', () => {
  it('prints each request and summarizes the recorded event stream', async () => {
    const environment = testEnvironment(['cassette', 'show', seedCassette]);
    expect(await runCli(environment)).toBe(0);
    const output = environment.stdout.text();
    expect(output).toContain('seed-simple-object-streaming.yaml: 1 interaction');
    expect(output).toContain('#0 POST https://api.x.ai/v1/chat/completions');
    expect(output).toContain('      "tool_choice": {"function":{"name":"Person"},"type":"function"},');
    expect(output).toContain('  → 200 OK · text/event-stream · 635.784ms');
    expect(output).toContain('    tool call: Person {"age":30,"city":"Paris","name":"Alice"}');
    expect(output).toContain('    finish: tool_calls');
    expect(output).toContain('    usage: {"prompt_tokens":401,"completion_tokens":44,"total_tokens":702,');
  });

  it('cuts long strings unless --full is given', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'fantasy-cassette-'));
    const path = join(folder, 'long.yaml');
    const long = 'x'.repeat(1000);
    await writeFile(
      path,
      `version: 2\ninteractions:\n- id: 0\n  request:\n    body: '{"prompt":"${long}"}'\n    url: https://example.com/v1/complete\n    method: POST\n  response:\n    body: '{"ok":true}'\n    headers:\n      Content-Type:\n      - application/json\n    status: 200 OK\n    code: 200\n`,
    );
    const short = testEnvironment(['cassette', 'show', path]);
    expect(await runCli(short)).toBe(0);
    expect(short.stdout.text()).toContain('…(+840 chars)');
    const full = testEnvironment(['cassette', 'show', '--full', path]);
    expect(await runCli(full)).toBe(0);
    expect(full.stdout.text()).toContain(long);
  });

  it('explains its usage and a missing file', async () => {
    const usage = testEnvironment(['cassette', 'play', seedCassette]);
    expect(await runCli(usage)).toBe(2);
    expect(usage.stderr.text()).toContain('usage: fantasy cassette show [--full] <file.yaml>');
    const missing = testEnvironment(['cassette', 'show', '/nonexistent.yaml']);
    expect(await runCli(missing)).toBe(2);
    expect(missing.stderr.text()).toContain('no cassette at /nonexistent.yaml');
  });
});

describe('summarizeSse', () => {
  it('joins chat-completion text and reasoning and assembles tool calls by index', () => {
    const summary = summarizeSse(
      sse([
        { choices: [{ index: 0, delta: { reasoning_content: 'Think' } }] },
        { choices: [{ index: 0, delta: { content: 'Hel' } }] },
        { choices: [{ index: 0, delta: { content: 'lo' } }] },
        {
          choices: [
            { index: 0, delta: { tool_calls: [{ index: 0, function: { name: 'a', arguments: '{"x"' } }] } },
          ],
        },
        { choices: [{ index: 0, delta: { tool_calls: [{ index: 0, function: { arguments: ':1}' } }] } }] },
        { choices: [{ index: 0, delta: {}, finish_reason: 'tool_calls' }] },
        { choices: [], usage: { prompt_tokens: 3 } },
      ]) + 'data: [DONE]\n\n',
    );
    expect(summary).toEqual({
      events: 8,
      text: 'Hello',
      reasoning: 'Think',
      toolCalls: [{ name: 'a', input: '{"x":1}' }],
      finishReason: 'tool_calls',
      usage: { prompt_tokens: 3 },
      errors: [],
    });
  });

  it('reads Anthropic events', () => {
    const summary = summarizeSse(
      sse([
        { type: 'message_start', message: { usage: { input_tokens: 10 } } },
        { type: 'content_block_delta', index: 0, delta: { type: 'thinking_delta', thinking: 'Hmm' } },
        { type: 'content_block_delta', index: 1, delta: { type: 'text_delta', text: 'Hi' } },
        { type: 'content_block_start', index: 2, content_block: { type: 'tool_use', name: 'weather' } },
        {
          type: 'content_block_delta',
          index: 2,
          delta: { type: 'input_json_delta', partial_json: '{"city":' },
        },
        {
          type: 'content_block_delta',
          index: 2,
          delta: { type: 'input_json_delta', partial_json: '"Rome"}' },
        },
        { type: 'message_delta', delta: { stop_reason: 'tool_use' }, usage: { output_tokens: 7 } },
      ]),
    );
    expect(summary).toMatchObject({
      text: 'Hi',
      reasoning: 'Hmm',
      toolCalls: [{ name: 'weather', input: '{"city":"Rome"}' }],
      finishReason: 'tool_use',
      usage: { input_tokens: 10, output_tokens: 7 },
    });
  });

  it('reads OpenAI Responses events and Gemini chunks', () => {
    const responses = summarizeSse(
      sse([
        { type: 'response.reasoning_summary_text.delta', delta: 'Plan' },
        { type: 'response.output_text.delta', delta: 'Done' },
        {
          type: 'response.output_item.done',
          item: { type: 'function_call', call_id: 'c', name: 'f', arguments: '{}' },
        },
        { type: 'response.completed', response: { status: 'completed', usage: { input_tokens: 1 } } },
      ]),
    );
    expect(responses).toMatchObject({
      text: 'Done',
      reasoning: 'Plan',
      toolCalls: [{ name: 'f', input: '{}' }],
      finishReason: 'completed',
    });
    const gemini = summarizeSse(
      sse([
        { candidates: [{ content: { parts: [{ text: 'Why', thought: true }, { text: 'Yes' }] } }] },
        {
          candidates: [
            { content: { parts: [{ functionCall: { name: 'g', args: { a: 1 } } }] }, finishReason: 'STOP' },
          ],
          usageMetadata: { totalTokenCount: 9 },
        },
      ]),
    );
    expect(gemini).toMatchObject({
      text: 'Yes',
      reasoning: 'Why',
      toolCalls: [{ name: 'g', input: '{"a":1}' }],
      finishReason: 'STOP',
      usage: { totalTokenCount: 9 },
    });
  });

  it('collects error events', () => {
    expect(
      summarizeSse(sse([{ error: { message: 'overloaded', type: 'overloaded_error' } }])).errors,
    ).toEqual(['overloaded']);
  });
});

describe('abbreviateJson and formatJson', () => {
  it('cuts long strings and arrays, saying how much was left out', () => {
    expect(abbreviateJson({ text: 'abcdef', list: [1, 2, 3, 4] }, { maxString: 3, maxItems: 2 })).toEqual({
      text: 'abc…(+3 chars)',
      list: [1, 2, '…(+2 more items)'],
    });
  });

  it('keeps what fits on one line and breaks the rest', () => {
    expect(formatJson({ a: [1, 2], b: { c: 'x'.repeat(30) } }, { width: 30 })).toBe(
      `{\n  "a": [1,2],\n  "b": {\n    "c": "${'x'.repeat(30)}"\n  }\n}`,
    );
  });
});
