import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { afterAll, beforeAll, beforeEach } from 'vitest';

/**
 * One step of a scripted answer: write bytes, pause, hold the connection until the client leaves
 * (`stall`), reset it (`destroy`: a TCP RST mid-stream), or end the body cleanly (`end`, the default).
 */
export type FaultStep = { write: string | Uint8Array } | { wait: number } | 'stall' | 'destroy' | 'end';

/** How the server answers one request. */
export interface FaultAnswer {
  /** @default 200 */
  status?: number;
  /** @default { 'content-type': 'text/event-stream' } */
  headers?: Record<string, string>;
  /** Run after the headers were sent. @default ['end'] */
  steps?: FaultStep[];
  /** Send nothing at all, not even the headers, until the client leaves. */
  silent?: boolean;
  /** Cut the connection before the headers. */
  resetBeforeHeaders?: boolean;
}

/** A request as the server received it. */
export interface ReceivedRequest {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

/** Requests past this count are cut at once, so a retry loop gone wrong cannot spin. */
const maxRequestsPerTest = 50;

/**
 * A loopback HTTP server that answers each request with the next scripted `FaultAnswer`: resets, stalls,
 * truncated or hostile bodies, error statuses. `useFaultServer()` starts one for a test file.
 */
export class FaultServer {
  readonly requests: ReceivedRequest[] = [];
  /** Bumped by `reset()`, so a handler still running from an earlier test can tell. */
  private generation = 0;
  private readonly answers: FaultAnswer[] = [];
  private readonly sockets = new Set<Socket>();
  /** Sockets with a response in progress; idle keep-alive sockets are not in it. */
  private readonly busySockets = new Set<Socket>();
  private readonly server = createServer((request, response) => void this.handle(request, response));
  private origin: string | undefined;

  constructor() {
    this.server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
  }

  /** `http://127.0.0.1:<port>`; valid once started. */
  get url(): string {
    if (this.origin === undefined) throw new Error('the fault server has not started');
    return this.origin;
  }

  /** Queues answers: each request takes the next one. */
  answer(...answers: FaultAnswer[]): void {
    this.answers.push(...answers);
  }

  /**
   * Forgets answers and requests, and cuts the connections of answers still in progress (a stall left by
   * the previous test). Idle keep-alive connections stay: cutting one the client is about to reuse would
   * fail the next request.
   */
  reset(): void {
    this.generation++;
    this.answers.length = 0;
    this.requests.length = 0;
    for (const socket of this.busySockets) socket.destroy();
  }

  /** Resolves once no answer is in progress (or after `timeoutMs`, with false): nothing left hanging. */
  async waitForIdle(timeoutMs = 1000): Promise<boolean> {
    const deadline = performance.now() + timeoutMs;
    while (this.busySockets.size > 0 && performance.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    return this.busySockets.size === 0;
  }

  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    const { port } = this.server.address() as AddressInfo;
    this.origin = `http://127.0.0.1:${port}`;
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const socket = request.socket;
    const generation = this.generation;
    this.busySockets.add(socket);
    response.on('close', () => this.busySockets.delete(socket));
    const body = await readRequestBody(request);
    // A request of an earlier test whose client gave up while its body was still being read (a loaded
    // machine): it must not take this test's answers.
    if (generation !== this.generation) {
      socket.destroy();
      return;
    }
    this.requests.push({
      method: request.method ?? '',
      url: request.url ?? '',
      headers: request.headers,
      body,
    });
    if (this.requests.length > maxRequestsPerTest) {
      request.socket.destroy();
      return;
    }
    const answer = this.answers.shift() ?? unscripted(this.requests.length);
    if (answer.resetBeforeHeaders) {
      request.socket.resetAndDestroy();
      return;
    }
    if (answer.silent) {
      await untilClosed(response);
      return;
    }
    // Keep-alive with chunked framing, as providers stream: undici reads a cut `Connection: close` body
    // as complete, but a cut keep-alive body as the broken message it is.
    response.writeHead(answer.status ?? 200, answer.headers ?? { 'content-type': 'text/event-stream' });
    response.flushHeaders();
    await runSteps(request, response, answer.steps ?? ['end']);
  }
}

async function runSteps(request: IncomingMessage, response: ServerResponse, steps: FaultStep[]) {
  for (const step of steps) {
    if (response.destroyed) return;
    if (step === 'stall') return untilClosed(response);
    if (step === 'destroy') return void request.socket.resetAndDestroy();
    if (step === 'end') return void response.end();
    if ('wait' in step) await new Promise((resolve) => setTimeout(resolve, step.wait));
    else if (!response.write(step.write)) await drained(response);
  }
  if (!response.destroyed) response.end();
}

/** An answer for a request nobody scripted: a 400 that is not retried and says what happened. */
function unscripted(count: number): FaultAnswer {
  const message = `fault server: no answer scripted for request ${count}`;
  return {
    status: 400,
    headers: { 'content-type': 'application/json' },
    steps: [{ write: JSON.stringify({ error: { message, type: 'unscripted' } }) }],
  };
}

/** Waits until the client read what was written (or left), so a long stream is never buffered whole. */
function drained(response: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      response.off('drain', done);
      response.off('close', done);
      resolve();
    };
    response.on('drain', done);
    response.on('close', done);
  });
}

function untilClosed(response: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    if (response.destroyed) resolve();
    else response.on('close', () => resolve());
  });
}

async function readRequestBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * A fault server for the current test file: started before the first test, reset before each one (answers,
 * requests, open connections), closed after the last.
 */
export function useFaultServer(): FaultServer {
  const server = new FaultServer();
  beforeAll(() => server.start());
  beforeEach(() => server.reset());
  afterAll(() => server.close());
  return server;
}
