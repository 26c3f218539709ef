import { Readable } from 'node:stream';
import type { CliEnvironment, CliOutput } from '../../src/cli/cli-environment.js';

/** An output that keeps what was written. */
export interface CapturedOutput extends CliOutput {
  text(): string;
}

export function captureOutput(
  options: { isTTY?: boolean; columns?: number; rows?: number } = {},
): CapturedOutput {
  const chunks: string[] = [];
  return {
    ...options,
    write(text: string) {
      chunks.push(text);
      return true;
    },
    text: () => chunks.join(''),
  };
}

/** A CLI environment with captured outputs, no API keys unless given, and stdin from `input`. */
export function testEnvironment(
  argv: readonly string[],
  options: {
    env?: Record<string, string>;
    fetch?: typeof fetch;
    input?: string;
    tty?: boolean;
    cwd?: string;
  } = {},
): CliEnvironment & { stdout: CapturedOutput; stderr: CapturedOutput } {
  const stdin = Readable.from(options.input === undefined ? [] : [options.input]) as Readable & {
    isTTY?: boolean;
  };
  return {
    argv,
    stdout: captureOutput(options.tty ? { isTTY: true, columns: 80, rows: 24 } : {}),
    stderr: captureOutput(options.tty ? { isTTY: true } : {}),
    stdin,
    env: options.env ?? {},
    ...(options.fetch ? { fetch: options.fetch } : {}),
    ...(options.cwd ? { cwd: options.cwd } : {}),
  };
}

/** A chat-completions stream chunk with one choice. */
export function chatChunk(
  delta: Record<string, unknown>,
  finishReason: string | null = null,
): Record<string, unknown> {
  return {
    id: 'chatcmpl-1',
    object: 'chat.completion.chunk',
    created: 1,
    model: 'test-model',
    choices: [{ index: 0, delta, finish_reason: finishReason }],
  };
}

/** The usage chunk OpenAI sends last when asked for `stream_options.include_usage`. */
export function usageChunk(promptTokens: number, completionTokens: number): Record<string, unknown> {
  return {
    id: 'chatcmpl-1',
    object: 'chat.completion.chunk',
    created: 1,
    model: 'test-model',
    choices: [],
    usage: {
      prompt_tokens: promptTokens,
      completion_tokens: completionTokens,
      total_tokens: promptTokens + completionTokens,
    },
  };
}

/** A 200 server-sent-events response of these chunks, ended by `[DONE]`. */
export function sseResponse(chunks: readonly unknown[]): Response {
  const body = `${chunks.map((chunk) => `data: ${JSON.stringify(chunk)}\n\n`).join('')}data: [DONE]\n\n`;
  return new Response(body, { status: 200, headers: { 'content-type': 'text/event-stream' } });
}

/** A fetch that answers each call with the next response and keeps the request bodies. */
export function scriptedFetch(responses: Array<() => Response>): typeof fetch & { bodies: unknown[] } {
  const bodies: unknown[] = [];
  const fetchFunction = async (input: RequestInfo | URL, init?: RequestInit) => {
    const body = input instanceof Request ? await input.text() : String(init?.body);
    bodies.push(JSON.parse(body));
    const next = responses.shift();
    if (next === undefined) throw new Error('no scripted response left');
    return next();
  };
  return Object.assign(fetchFunction, { bodies }) as typeof fetch & { bodies: unknown[] };
}
