import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAgent } from '../../src/agent/create-agent.js';
import type { AgentTool } from '../../src/agent/tool.js';
import type { ToolResponse } from '../../src/agent/tool-response.js';
import { createMCPClient, type MCPClient, samplingModel } from '../../src/mcp/index.js';
import { toolResultsOf } from '../../src/spec/content.js';
import { MockLanguageModel } from '../../src/testing/mock-language-model.js';
import {
  type ScriptedProvider,
  scriptedProviders,
  scriptedToolCallingModel,
} from '../support/scripted-providers.js';

// The MCP reference server (@modelcontextprotocol/server-everything, a dev dependency) over stdio.
const serverEntry = createRequire(import.meta.url).resolve(
  '@modelcontextprotocol/server-everything/dist/index.js',
);
const secret = 'fantasy-test-secret-0123456789';

let client: MCPClient;
let tools: AgentTool[];
const elicitations: string[] = [];

beforeAll(async () => {
  // A key in this process's environment must never reach the server.
  process.env.FANTASY_MCP_TEST_API_KEY = secret;
  client = await createMCPClient({
    transport: { type: 'stdio', command: process.execPath, args: [serverEntry, 'stdio'] },
    onElicitation: (request) => {
      elicitations.push(request.message);
      return { action: 'accept', content: { name: 'Ada Lovelace', check: true, email: 'ada@example.com' } };
    },
  });
  tools = await client.tools();
});

afterAll(async () => {
  delete process.env.FANTASY_MCP_TEST_API_KEY;
  await client?.close();
});

const byName = (name: string) => {
  const found = tools.find((candidate) => candidate.name === name);
  if (found === undefined) throw new Error(`the reference server has no tool ${name}`);
  return found;
};

/** The calls each agent run makes, one step, all at once. */
const calls = [
  { toolName: 'echo', input: { message: 'hello' } },
  { toolName: 'get-sum', input: { a: 2, b: 3 } },
  { toolName: 'get-tiny-image', input: {} },
  { toolName: 'get-structured-content', input: { location: 'Chicago' } },
  { toolName: 'trigger-elicitation-request', input: {} },
];
const structured = { temperature: 36, conditions: 'Light rain / drizzle', humidity: 82 };

describe('MCP reference server over stdio', () => {
  it('lists the reference tools, with the elicitation tool offered because we answer elicitations', () => {
    const names = tools.map((tool) => tool.name);
    for (const name of ['echo', 'get-sum', 'get-tiny-image', 'get-structured-content', 'get-env']) {
      expect(names).toContain(name);
    }
    expect(names).toContain('trigger-long-running-operation');
    expect(names).toContain('trigger-elicitation-request');
    expect(byName('echo').inputSchema).toMatchObject({
      type: 'object',
      properties: { message: { type: 'string' } },
      required: ['message'],
    });
  });

  it('starts the server with a minimal environment: no secret of ours is in it', async () => {
    const outcome = await byName('get-env').execute({}, { toolCallId: 'env', messages: [] });
    const text = (outcome as ToolResponse).content;
    const environment = JSON.parse(text) as Record<string, string>;
    expect(text).not.toContain(secret);
    expect(
      Object.keys(environment).every((key) =>
        ['HOME', 'LOGNAME', 'PATH', 'SHELL', 'TERM', 'USER'].includes(key),
      ),
    ).toBe(true);
  });

  it.each(scriptedProviders)('sends every result to %s as that provider expects it', async (provider) => {
    const { model, requests } = scriptedToolCallingModel(provider, calls);
    const result = await createAgent(model, { tools }).generate({ prompt: 'Use the tools.' });
    expect(result.steps).toHaveLength(2);
    const results = toolResultsOf(result.steps[0]!.content);
    expect(results.map((entry) => entry.output?.type)).toEqual(['text', 'text', 'media', 'json', 'text']);
    expect(elicitations.at(-1)).toBe('Please provide inputs for the following fields:');
    expectResultsInRequest(provider, requests[1]!);
  });

  it('cancels the long-running tool when the run is aborted', async () => {
    const { model } = scriptedToolCallingModel('openai', [
      { toolName: 'trigger-long-running-operation', input: { duration: 20, steps: 20 } },
    ]);
    const controller = new AbortController();
    const started = Date.now();
    setTimeout(() => controller.abort(new Error('stopped by the user')), 500);
    const run = createAgent(model, { tools }).generate({ prompt: 'Run it.', abortSignal: controller.signal });
    await expect(run).rejects.toThrow('stopped by the user');
    expect(Date.now() - started).toBeLessThan(10_000);
    // The session is still usable after the cancelled call.
    const echoed = await byName('echo').execute(
      { message: 'still here' },
      { toolCallId: 'after', messages: [] },
    );
    expect((echoed as ToolResponse).content).toBe('Echo: still here');
  });
});

describe('MCP sampling with a fantasy-ts model', () => {
  it("answers the reference server's sampling request with the model", async () => {
    const model = new MockLanguageModel({
      generate: { content: [{ type: 'text', text: 'A haiku about the sea.' }] },
    });
    const sampling = await createMCPClient({
      transport: { type: 'stdio', command: process.execPath, args: [serverEntry, 'stdio'] },
      onSampling: samplingModel(model),
    });
    try {
      const trigger = (await sampling.tools()).find((tool) => tool.name === 'trigger-sampling-request');
      const outcome = await trigger!.execute(
        { prompt: 'Write a haiku', maxTokens: 50 },
        { toolCallId: 's', messages: [] },
      );
      expect((outcome as ToolResponse).content).toContain('A haiku about the sea.');
      expect(model.calls[0]?.maxOutputTokens).toBe(50);
      expect(JSON.stringify(model.calls[0]?.prompt)).toContain('Write a haiku');
    } finally {
      await sampling.close();
    }
  });
});

function expectResultsInRequest(provider: ScriptedProvider, body: Record<string, unknown>): void {
  const text = JSON.stringify(body);
  expect(text).toContain('Echo: hello');
  expect(text).toContain('The sum of 2 and 3 is 5.');
  expect(text).toContain('Ada Lovelace');
  if (provider === 'openai') expectOpenAI(body);
  else if (provider === 'anthropic') expectAnthropic(body);
  else expectGoogle(body);
}

function expectOpenAI(body: Record<string, unknown>): void {
  const messages = body.messages as Array<Record<string, unknown>>;
  // Every call answered by a tool message, then one user message with the image the tool messages cannot carry.
  expect(messages.map((message) => message.role)).toEqual([
    'user',
    'assistant',
    'tool',
    'tool',
    'tool',
    'tool',
    'tool',
    'user',
  ]);
  const toolMessages = messages.filter((message) => message.role === 'tool');
  expect(toolMessages.map((message) => message.tool_call_id)).toEqual([
    'call_0',
    'call_1',
    'call_2',
    'call_3',
    'call_4',
  ]);
  expect(toolMessages[2]?.content).toBe("Here's the image you requested:\nThe image above is the MCP logo.");
  expect(JSON.parse(String(toolMessages[3]?.content))).toEqual(structured);
  const image = (messages[7]!.content as Array<Record<string, unknown>>)[0]!;
  expect(image).toMatchObject({ type: 'image_url' });
  expect(String((image.image_url as { url: string }).url)).toMatch(/^data:image\/png;base64,iVBORw0KGgo/);
}

function expectAnthropic(body: Record<string, unknown>): void {
  const messages = body.messages as Array<{ role: string; content: Array<Record<string, unknown>> }>;
  const results = messages[2]?.content ?? [];
  expect(messages[2]?.role).toBe('user');
  expect(results.map((block) => [block.type, block.tool_use_id])).toEqual([
    ['tool_result', 'toolu_0'],
    ['tool_result', 'toolu_1'],
    ['tool_result', 'toolu_2'],
    ['tool_result', 'toolu_3'],
    ['tool_result', 'toolu_4'],
  ]);
  // Anthropic takes images inside a tool result: the image block, then the caption.
  const imageResult = results[2]?.content as Array<Record<string, unknown>>;
  expect(imageResult[0]).toMatchObject({
    type: 'image',
    source: { type: 'base64', media_type: 'image/png' },
  });
  expect(imageResult[1]).toEqual({
    type: 'text',
    text: "Here's the image you requested:\nThe image above is the MCP logo.",
  });
  const structuredResult = results[3]?.content as Array<{ text: string }>;
  expect(JSON.parse(structuredResult[0]!.text)).toEqual(structured);
}

function expectGoogle(body: Record<string, unknown>): void {
  const contents = body.contents as Array<{ role: string; parts: Array<Record<string, unknown>> }>;
  const parts = contents[2]?.parts ?? [];
  expect(contents[2]?.role).toBe('user');
  const responses = parts.filter((part) => part.functionResponse !== undefined);
  expect(responses.map((part) => (part.functionResponse as { name: string }).name)).toEqual(
    calls.map((call) => call.toolName),
  );
  // Gemini's function response holds the caption; the image follows as inline data in the same turn.
  const inline = parts.find((part) => part.inlineData !== undefined);
  expect(inline?.inlineData).toMatchObject({ mimeType: 'image/png' });
  // A JSON result is sent to Gemini as the response object itself.
  const structuredResponse = responses[3]?.functionResponse as { response: unknown };
  expect(structuredResponse.response).toEqual(structured);
}
