import { describe, expect, it } from 'vitest';
import { startTestMCPServer, type TestMCPTool } from '../../test/support/mcp-fixtures.js';
import { createAgent } from '../agent/create-agent.js';
import { InvalidArgumentError } from '../errors/invalid-argument-error.js';
import { convertJsonSchemaToGemini } from '../providers/google/convert-json-schema-to-gemini.js';
import { userMessage } from '../spec/message.js';
import { MockLanguageModel } from '../testing/mock-language-model.js';
import { createMCPClient } from './create-mcp-client.js';
import { samplingModel } from './sampling-model.js';

const options = { toolCallId: 'call-1', messages: [] };

async function connect(tools: TestMCPTool[], name = 'test-server') {
  const server = await startTestMCPServer({ name, tools });
  const client = await createMCPClient({ transport: server.clientTransport });
  return { server, client };
}

describe('createMCPClient', () => {
  it('lists tools under provider-safe names and calls them by the server name', async () => {
    const { server, client } = await connect([{ name: 'files.read', description: 'Read a file' }]);
    const [read] = await client.tools();
    expect(read?.name).toBe('files_read');
    expect(read?.description).toBe('Read a file');
    await read?.execute({ path: 'a' }, options);
    expect(server.calls).toEqual([{ name: 'files.read', arguments: { path: 'a' } }]);
    await client.close();
  });

  it('filters with include and exclude and puts the prefix before every name', async () => {
    const { client } = await connect([{ name: 'a' }, { name: 'b' }, { name: 'c' }]);
    expect((await client.tools({ include: ['a', 'b'], exclude: ['b'] })).map((tool) => tool.name)).toEqual([
      'a',
    ]);
    expect((await client.tools({ prefix: 'gh_' })).map((tool) => tool.name)).toEqual([
      'gh_a',
      'gh_b',
      'gh_c',
    ]);
    await client.close();
  });

  it('reports the server name it was given, else the one the server reports', async () => {
    const { client } = await connect([], 'weather-server');
    expect(client.name).toBe('weather-server');
    await client.close();
  });

  it('rejects two servers offering the same tool name in one agent, naming both servers', async () => {
    const first = await connect([{ name: 'search' }], 'docs');
    const second = await connect([{ name: 'search' }], 'web');
    const model = new MockLanguageModel({ generate: { content: [{ type: 'text', text: 'hi' }] } });
    const tools = [...(await first.client.tools()), ...(await second.client.tools())];
    const agent = createAgent(model, { tools });
    const failure = await agent.generate({ prompt: 'hi' }).catch((error: unknown) => error);
    expect(InvalidArgumentError.isInstance(failure)).toBe(true);
    expect((failure as Error).message).toContain('MCP server "docs"');
    expect((failure as Error).message).toContain('MCP server "web"');
    const prefixed = createAgent(model, {
      tools: [
        ...(await first.client.tools({ prefix: 'docs_' })),
        ...(await second.client.tools({ prefix: 'web_' })),
      ],
    });
    await expect(prefixed.generate({ prompt: 'hi' })).resolves.toBeDefined();
    await first.client.close();
    await second.client.close();
  });

  it('keeps $ref, anyOf and additionalProperties of a real MCP schema, and Gemini gets them inlined', async () => {
    const inputSchema = {
      $schema: 'http://json-schema.org/draft-07/schema#',
      type: 'object',
      properties: {
        filter: { $ref: '#/$defs/filter' },
        limit: { anyOf: [{ type: 'integer' }, { type: 'null' }] },
      },
      required: ['filter'],
      additionalProperties: false,
      $defs: { filter: { type: 'object', properties: { term: { type: 'string' } } } },
    };
    const { client } = await connect([{ name: 'query', inputSchema }]);
    const [query] = await client.tools();
    const { $schema: _dropped, ...expected } = inputSchema;
    expect(query?.inputSchema).toEqual(expected);
    const gemini = convertJsonSchemaToGemini(query!.inputSchema);
    expect(JSON.stringify(gemini.schema)).not.toContain('$ref');
    expect(gemini.schema).toMatchObject({
      properties: { filter: { properties: { term: { type: 'STRING' } } } },
    });
    await client.close();
  });

  it('gives a schema without properties an empty properties object', async () => {
    const { client } = await connect([{ name: 'ping', inputSchema: { type: 'object' } }]);
    const [ping] = await client.tools();
    expect(ping?.inputSchema).toEqual({ type: 'object', properties: {} });
    await client.close();
  });

  it('updates the tool array in place when the server says its tools changed', async () => {
    const { server, client } = await connect([{ name: 'first' }]);
    const tools = await client.tools();
    await server.addTool({ name: 'second' });
    for (let attempt = 0; attempt < 100 && tools.length < 2; attempt++)
      await new Promise((r) => setTimeout(r, 5));
    expect(tools.map((tool) => tool.name)).toEqual(['first', 'second']);
    await client.close();
  });

  it('cancels a running call on the server when the run is aborted', async () => {
    let serverSignal: AbortSignal | undefined;
    const { client } = await connect([
      {
        name: 'slow',
        call: (_args, signal) => {
          serverSignal = signal;
          return new Promise(() => {});
        },
      },
    ]);
    const [slow] = await client.tools();
    const controller = new AbortController();
    const running = slow!.execute({}, { ...options, abortSignal: controller.signal });
    for (let attempt = 0; attempt < 100 && serverSignal === undefined; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    controller.abort(new Error('user stopped'));
    await expect(running).rejects.toThrow('user stopped');
    for (let attempt = 0; attempt < 100 && !serverSignal?.aborted; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    expect(serverSignal?.aborted).toBe(true);
    await client.close();
  });

  it('fails a call with an error naming the server when the request times out', async () => {
    const server = await startTestMCPServer({
      tools: [{ name: 'stuck', call: () => new Promise(() => {}) }],
    });
    const client = await createMCPClient({
      transport: server.clientTransport,
      name: 'slowpoke',
      requestTimeoutMs: 50,
    });
    const [stuck] = await client.tools();
    await expect(stuck!.execute({}, options)).rejects.toThrow(
      /MCP server "slowpoke" failed the call to stuck/,
    );
    await client.close();
  });

  it('turns prompts into fantasy-ts messages', async () => {
    const { client } = await connect([]);
    expect(await client.listPrompts()).toEqual([
      { name: 'review', description: 'Review code', arguments: [{ name: 'code', required: true }] },
    ]);
    const prompt = await client.getPrompt('review', { code: 'x()' });
    expect(prompt.description).toBe('Review code');
    expect(prompt.messages[0]).toEqual({
      role: 'user',
      content: [{ type: 'text', text: 'Review this: x()' }],
    });
    expect(prompt.messages[1]?.role).toBe('assistant');
    expect(prompt.messages[1]?.content[0]).toMatchObject({ type: 'file', mediaType: 'image/png' });
    expect(prompt.messages[2]?.content[0]).toEqual({
      type: 'text',
      text: '[resource file:///a.ts]\nlet a = 1;',
    });
    await client.close();
  });

  it('ends the session on close and with await using', async () => {
    const { client } = await connect([{ name: 'a' }]);
    {
      await using scoped = client;
      expect((await scoped.tools()).length).toBe(1);
    }
    await expect(client.tools()).rejects.toThrow(/closed/);
  });
});

describe('samplingModel', () => {
  it('answers a sampling request with the model, passing the system prompt and limits', async () => {
    const model = new MockLanguageModel({ generate: { content: [{ type: 'text', text: 'Paris' }] } });
    const answer = await samplingModel(model)(
      {
        messages: [{ role: 'user', content: { type: 'text', text: 'Capital of France?' } }],
        systemPrompt: 'Be brief.',
        maxTokens: 20,
        temperature: 0.2,
      },
      { abortSignal: new AbortController().signal },
    );
    expect(answer).toEqual({
      role: 'assistant',
      content: { type: 'text', text: 'Paris' },
      model: 'mock-model',
      stopReason: 'endTurn',
    });
    expect(model.calls[0]?.prompt).toEqual([
      { role: 'system', content: [{ type: 'text', text: 'Be brief.' }] },
      userMessage('Capital of France?'),
    ]);
    expect(model.calls[0]).toMatchObject({ maxOutputTokens: 20, temperature: 0.2 });
  });
});
