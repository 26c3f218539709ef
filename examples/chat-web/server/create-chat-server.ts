import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { AgentResult } from '../../../src/index.js';
import { createOpenAI } from '../../../src/providers/openai/index.js';
import {
  fromAGUIInput,
  fromUIMessages,
  InvalidUIMessageError,
  parseUIChatRequest,
  pipeAGUIEventsToNodeResponse,
  pipeUIMessageStreamToNodeResponse,
} from '../../../src/ui/index.js';
import { pageDirectory } from './build-page.js';
import { createChatAgent } from './chat-agent.js';
import { observedFetch } from './observed-fetch.js';
import { readBody } from './read-body.js';
import { createReplayFetch } from './replay-fetch.js';
import { RunLog, type RunRecord } from './run-log.js';

/** How the example server runs. */
export interface ChatServerOptions {
  /** @default 3017; 0 picks a free port */
  port?: number;
  /** Live model calls with this key; without one the server replays the recorded sessions. */
  openaiApiKey?: string;
  /** @default 'gpt-4o-mini' */
  modelId?: string;
  /** Pause between replayed events. @default 40 */
  replayDelayMs?: number;
}

/** A running example server. */
export interface ChatServer {
  url: string;
  mode: 'live' | 'replay';
  runs: RunLog;
  close(): Promise<void>;
}

/**
 * Serves the chat page, `POST /api/chat` (the AI SDK UI message stream for `useChat`), `POST /api/agui`
 * (AG-UI events), `GET /api/info` and `GET /api/runs` (what the server saw of each run), on 127.0.0.1.
 */
export async function startChatServer(options: ChatServerOptions = {}): Promise<ChatServer> {
  const mode = options.openaiApiKey === undefined ? 'replay' : 'live';
  const runs = new RunLog();
  const baseFetch =
    mode === 'live' ? globalThis.fetch : createReplayFetch({ delayMs: options.replayDelayMs ?? 40 });
  const modelFor = (record: RunRecord) =>
    createOpenAI({ apiKey: options.openaiApiKey ?? 'replay', fetch: observedFetch(baseFetch, record) }).chat(
      options.modelId ?? 'gpt-4o-mini',
    );
  const server = createServer((request, response) => {
    route({ request, response, mode, runs, modelFor }).catch((error: unknown) => {
      sendError(response, error);
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 3017, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, mode, runs, close: () => closeServer(server) };
}

interface RouteContext {
  request: IncomingMessage;
  response: ServerResponse;
  mode: ChatServer['mode'];
  runs: RunLog;
  modelFor: (record: RunRecord) => ReturnType<ReturnType<typeof createOpenAI>['chat']>;
}

async function route(context: RouteContext): Promise<void> {
  const { request, response } = context;
  const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
  if (request.method === 'POST' && path === '/api/chat') return serveChat(context);
  if (request.method === 'POST' && path === '/api/agui') return serveAGUI(context);
  if (request.method === 'GET' && path === '/api/info')
    return sendJson(response, 200, { mode: context.mode });
  if (request.method === 'GET' && path === '/api/runs') return sendJson(response, 200, context.runs.runs);
  if (request.method === 'GET' && (path === '/' || path === '/app.js')) {
    return sendFile(response, path === '/' ? 'index.html' : path.slice(1));
  }
  sendJson(response, 404, { error: `no route for ${request.method} ${path}` });
}

async function serveChat({ request, response, runs, modelFor }: RouteContext): Promise<void> {
  const { messages } = parseUIChatRequest(await readBody(request));
  const record = runs.start('chat');
  const abortController = new AbortController();
  const run = createChatAgent(modelFor(record), record).stream({
    messages: fromUIMessages(messages),
    abortSignal: abortController.signal,
    ...outcomeCallbacks(record, abortController.signal),
  });
  await pipeUIMessageStreamToNodeResponse(run, response, { abortController, originalMessages: messages });
}

async function serveAGUI({ request, response, runs, modelFor }: RouteContext): Promise<void> {
  const input = fromAGUIInput(JSON.parse(await readBody(request)));
  const record = runs.start('agui');
  const abortController = new AbortController();
  const run = createChatAgent(modelFor(record), record).stream({
    messages: input.messages,
    abortSignal: abortController.signal,
    ...outcomeCallbacks(record, abortController.signal),
  });
  await pipeAGUIEventsToNodeResponse(run, response, {
    threadId: input.threadId,
    runId: input.runId,
    abortController,
  });
}

function outcomeCallbacks(record: RunRecord, signal: AbortSignal) {
  return {
    onFinish: (result: AgentResult) => {
      const pending = (result as { pendingApprovals?: readonly unknown[] }).pendingApprovals ?? [];
      record.status = pending.length > 0 ? 'waiting-for-approval' : 'finished';
    },
    onError: () => {
      record.status = signal.aborted ? 'aborted' : 'error';
    },
  };
}

function sendError(response: ServerResponse, error: unknown): void {
  if (response.headersSent) {
    response.end();
    return;
  }
  const invalid = InvalidUIMessageError.isInstance(error) || error instanceof SyntaxError;
  if (!invalid) console.error(error);
  sendJson(response, invalid ? 400 : 500, { error: invalid ? (error as Error).message : 'internal error' });
}

function sendJson(response: ServerResponse, status: number, value: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(value));
}

const contentTypes: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
};

function sendFile(response: ServerResponse, name: string): void {
  const body = readFileSync(join(pageDirectory, name));
  response.writeHead(200, {
    'content-type': contentTypes[name.split('.').pop() ?? ''] ?? 'application/octet-stream',
  });
  response.end(body);
}

function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
}
