import { randomUUID } from 'node:crypto';
import {
  createServer,
  type Server as HttpServer,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { SSEServerTransport } from '@modelcontextprotocol/sdk/server/sse.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { afterEach, describe, expect, it } from 'vitest';
import { createAgent } from '../../src/agent/create-agent.js';
import type { ToolResponse } from '../../src/agent/tool-response.js';
import { createMCPClient } from '../../src/mcp/index.js';
import { toolResultsOf } from '../../src/spec/content.js';
import { buildTestMCPServer, type TestMCPCall, type TestMCPTool } from '../support/mcp-fixtures.js';
import { scriptedToolCallingModel } from '../support/scripted-providers.js';

// Streamable HTTP against a server built here with the SDK's own server classes: the reference server's HTTP
// mode listens on every interface, and tests listen on 127.0.0.1 only.
const token = 'Bearer test-mcp-token';
const servers: HttpServer[] = [];

afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

async function listen(handler: (request: IncomingMessage, response: ServerResponse) => void): Promise<URL> {
  const server = createServer(handler);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}/mcp`);
}

/** A stateful Streamable HTTP server: one SDK server per session, sessions it can end. */
async function startStreamableServer(tools: TestMCPTool[]) {
  const calls: TestMCPCall[] = [];
  const sessions = new Map<
    string,
    { transport: StreamableHTTPServerTransport; addTool: (tool: TestMCPTool) => Promise<void> }
  >();
  let initializations = 0;
  const url = await listen(async (request, response) => {
    if (request.headers.authorization !== token) return void response.writeHead(401).end();
    const sessionId = request.headers['mcp-session-id'];
    const known = typeof sessionId === 'string' ? sessions.get(sessionId) : undefined;
    if (typeof sessionId === 'string' && known === undefined) {
      return void response
        .writeHead(404, { 'content-type': 'application/json' })
        .end(
          JSON.stringify({ jsonrpc: '2.0', error: { code: -32001, message: 'Session not found' }, id: null }),
        );
    }
    if (known !== undefined) return known.transport.handleRequest(request, response);
    initializations++;
    const { server, addTool } = buildTestMCPServer({ name: 'http-server', tools, calls });
    const transport: StreamableHTTPServerTransport = new StreamableHTTPServerTransport({
      sessionIdGenerator: () => randomUUID(),
      onsessioninitialized: (id) => void sessions.set(id, { transport, addTool }),
    });
    await server.connect(transport);
    await transport.handleRequest(request, response);
  });
  /** Forgets every session, as a restarted server would. */
  async function endSessions(): Promise<void> {
    for (const [id, session] of sessions) {
      sessions.delete(id);
      await session.transport.close();
    }
  }
  return { url, calls, sessions, endSessions, initializations: () => initializations };
}

describe('MCP over Streamable HTTP on 127.0.0.1', () => {
  it('lists and calls tools with the configured headers, and an agent gets their results', async () => {
    const server = await startStreamableServer([
      {
        name: 'lookup',
        call: (args) => ({ content: [{ type: 'text', text: `found ${String(args.term)}` }] }),
      },
    ]);
    const client = await createMCPClient({
      transport: { type: 'http', url: server.url, headers: { authorization: token } },
    });
    const tools = await client.tools();
    const { model, requests } = scriptedToolCallingModel('anthropic', [
      { toolName: 'lookup', input: { term: 'mcp' } },
    ]);
    const result = await createAgent(model, { tools }).generate({ prompt: 'Look it up.' });
    expect(toolResultsOf(result.steps[0]!.content)[0]?.output).toEqual({ type: 'text', text: 'found mcp' });
    expect(JSON.stringify(requests[1])).toContain('found mcp');
    expect(server.calls).toEqual([{ name: 'lookup', arguments: { term: 'mcp' } }]);
    await client.close();
  });

  it('starts a new session when the server ended the old one, and the call goes through', async () => {
    const server = await startStreamableServer([{ name: 'ping' }]);
    const client = await createMCPClient({
      transport: { type: 'http', url: server.url, headers: { authorization: token } },
    });
    const [ping] = await client.tools();
    await server.endSessions();
    const outcome = await ping!.execute({}, { toolCallId: 'p', messages: [] });
    expect((outcome as ToolResponse).content).toBe('ping ran');
    expect(server.initializations()).toBe(2);
    expect(server.sessions.size).toBe(1);
    await client.close();
  });

  it('sends the cancellation to the server when the run is aborted', async () => {
    let serverSignal: AbortSignal | undefined;
    const server = await startStreamableServer([
      {
        name: 'slow',
        call: (_args, signal) => {
          serverSignal = signal;
          return new Promise(() => {});
        },
      },
    ]);
    const client = await createMCPClient({
      transport: { type: 'http', url: server.url, headers: { authorization: token } },
    });
    const [slow] = await client.tools();
    const controller = new AbortController();
    const running = slow!.execute({}, { toolCallId: 's', messages: [], abortSignal: controller.signal });
    await waitFor(() => serverSignal !== undefined);
    controller.abort(new Error('stop'));
    await expect(running).rejects.toThrow('stop');
    await waitFor(() => serverSignal?.aborted === true);
    expect(serverSignal?.aborted).toBe(true);
    await client.close();
  });

  it('refreshes the tool list when the server announces a change', async () => {
    const server = await startStreamableServer([{ name: 'first' }]);
    const client = await createMCPClient({
      transport: { type: 'http', url: server.url, headers: { authorization: token } },
    });
    const tools = await client.tools();
    await waitFor(() => server.sessions.size === 1);
    const [session] = server.sessions.values();
    // The standalone GET stream carries server notifications; give the client a moment to open it.
    await new Promise((resolve) => setTimeout(resolve, 200));
    await session!.addTool({ name: 'second' });
    await waitFor(() => tools.length === 2);
    expect(tools.map((tool) => tool.name)).toEqual(['first', 'second']);
    await client.close();
  });

  it('falls back to the legacy HTTP+SSE transport for a server that only speaks it', async () => {
    const calls: TestMCPCall[] = [];
    const transports = new Map<string, SSEServerTransport>();
    const url = await listen(async (request, response) => {
      const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
      if (request.method === 'GET' && path === '/mcp') {
        const transport = new SSEServerTransport('/messages', response);
        transports.set(transport.sessionId, transport);
        const { server } = buildTestMCPServer({ name: 'legacy', tools: [{ name: 'old' }], calls });
        await server.connect(transport);
        return;
      }
      if (request.method === 'POST' && path === '/messages') {
        const sessionId = new URL(request.url ?? '/', 'http://127.0.0.1').searchParams.get('sessionId') ?? '';
        const transport = transports.get(sessionId);
        if (transport) return transport.handlePostMessage(request, response);
      }
      response.writeHead(405).end();
    });
    const client = await createMCPClient({ transport: { type: 'http', url } });
    const [old] = await client.tools();
    expect(old?.name).toBe('old');
    await old!.execute({}, { toolCallId: 'o', messages: [] });
    expect(calls).toEqual([{ name: 'old', arguments: {} }]);
    await client.close();
  });
});

describe('an MCP server that dies mid-call', () => {
  it('gives the model a tool error result instead of a hung run', async () => {
    const script = fileURLToPath(new URL('../fixtures/crashing-mcp-server.mjs', import.meta.url));
    const client = await createMCPClient({
      transport: { type: 'stdio', command: process.execPath, args: [script] },
    });
    const tools = await client.tools();
    const { model, requests } = scriptedToolCallingModel('openai', [{ toolName: 'crash', input: {} }]);
    const result = await createAgent(model, { tools }).generate({ prompt: 'Crash it.' });
    const [crashed] = toolResultsOf(result.steps[0]!.content);
    expect(crashed?.output?.type).toBe('error');
    expect(crashed?.output).toMatchObject({ type: 'error' });
    expect((crashed!.output as { error: string }).error).toContain(
      'MCP server "crashing" failed the call to crash: MCP error -32000: Connection closed',
    );
    expect(requests).toHaveLength(2);
    await client.close();
  });
});

async function waitFor(condition: () => boolean): Promise<void> {
  for (let attempt = 0; attempt < 200 && !condition(); attempt++)
    await new Promise((resolve) => setTimeout(resolve, 10));
}
