import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import {
  CallToolRequestSchema,
  GetPromptRequestSchema,
  ListPromptsRequestSchema,
  ListToolsRequestSchema,
} from '@modelcontextprotocol/sdk/types.js';

/** A tool of the in-memory test server: its listing and what a call answers. */
export interface TestMCPTool {
  name: string;
  description?: string;
  inputSchema?: Record<string, unknown>;
  call?: (args: Record<string, unknown>, signal: AbortSignal) => unknown | Promise<unknown>;
}

/** A recorded call. */
export interface TestMCPCall {
  name: string;
  arguments: Record<string, unknown>;
}

/** An in-process MCP server (the SDK's low-level `Server` on an in-memory transport) that records calls. */
export async function startTestMCPServer(options: { name?: string; tools: TestMCPTool[] }) {
  const calls: TestMCPCall[] = [];
  const { server, addTool } = buildTestMCPServer({ ...options, calls });
  const [clientTransport, serverTransport] = InMemoryTransport.createLinkedPair();
  await server.connect(serverTransport);
  return { clientTransport, server, calls, addTool };
}

/** The SDK's low-level `Server` with the given tools and one prompt, recording calls into `calls`. */
export function buildTestMCPServer(options: { name?: string; tools: TestMCPTool[]; calls: TestMCPCall[] }) {
  const tools = [...options.tools];
  const calls = options.calls;
  const server = new Server(
    { name: options.name ?? 'test-server', version: '1.0.0' },
    { capabilities: { tools: { listChanged: true }, prompts: {} } },
  );
  server.setRequestHandler(ListToolsRequestSchema, () => ({
    tools: tools.map(({ name, description, inputSchema }) => ({
      name,
      ...(description === undefined ? {} : { description }),
      inputSchema: inputSchema ?? { type: 'object', properties: {} },
    })),
  }));
  server.setRequestHandler(CallToolRequestSchema, async (request, extra) => {
    const args = (request.params.arguments ?? {}) as Record<string, unknown>;
    calls.push({ name: request.params.name, arguments: args });
    const found = tools.find((candidate) => candidate.name === request.params.name);
    if (found === undefined) return { content: [{ type: 'text', text: 'no such tool' }], isError: true };
    const answer = await found.call?.(args, extra.signal);
    return (answer ?? { content: [{ type: 'text', text: `${found.name} ran` }] }) as never;
  });
  server.setRequestHandler(ListPromptsRequestSchema, () => ({
    prompts: [{ name: 'review', description: 'Review code', arguments: [{ name: 'code', required: true }] }],
  }));
  server.setRequestHandler(GetPromptRequestSchema, (request) => ({
    description: 'Review code',
    messages: [
      {
        role: 'user',
        content: { type: 'text', text: `Review this: ${request.params.arguments?.code ?? ''}` },
      },
      { role: 'assistant', content: { type: 'image', data: 'iVBORw0KGgo=', mimeType: 'image/png' } },
      {
        role: 'user',
        content: {
          type: 'resource',
          resource: { uri: 'file:///a.ts', mimeType: 'text/plain', text: 'let a = 1;' },
        },
      },
    ],
  }));
  /** Adds a tool and tells the client its list changed. */
  async function addTool(added: TestMCPTool): Promise<void> {
    tools.push(added);
    await server.sendToolListChanged();
  }
  return { server, addTool };
}
