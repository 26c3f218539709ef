import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { CallOptions } from '../../../spec/call-options.js';
import type { Content } from '../../../spec/content.js';
import { type Message, type MessagePart, systemMessage, userMessage } from '../../../spec/message.js';
import type { StreamPart } from '../../../spec/stream-part.js';
import type { FunctionTool } from '../../../spec/tool.js';
import { createCassetteFetch } from '../../../testing/index.js';
import { createOpenAI, webSearchTool } from '../index.js';

const dir = fileURLToPath(new URL('../../../../../shared/conformance/cassettes', import.meta.url));
const absent = !existsSync(dir);
const skipReason = absent ? ` (skipped: the shared cassettes are expected in ${dir})` : '';

const weather: FunctionTool = {
  type: 'function',
  name: 'weather',
  description: 'Get weather information for a location',
  inputSchema: {
    type: 'object',
    properties: { location: { type: 'string', description: 'the city' } },
    required: ['location'],
  },
};

const thinkingOptions = {
  openai: { include: ['reasoning.encrypted_content'], reasoningEffort: 'high', reasoningSummary: 'auto' },
};

function modelFor(cassette: string, modelId: string) {
  const fetch = createCassetteFetch({ path: `${dir}/${cassette}`, mode: 'replay' });
  return {
    model: createOpenAI({ apiKey: 'replay-key', fetch, useResponsesAPI: true }).languageModel(modelId),
    fetch,
  };
}

/** The history the agent adds after a tool step: content metadata becomes part options; results say 40 C. */
function stepMessages(content: Content[]): Message[] {
  const assistant: MessagePart[] = [];
  const results: MessagePart[] = [];
  for (const part of content) {
    const providerOptions = part.providerMetadata ? { providerOptions: part.providerMetadata } : {};
    if (part.type === 'text' || part.type === 'reasoning')
      assistant.push({ type: part.type, text: part.text, ...providerOptions });
    if (part.type !== 'tool-call') continue;
    const { toolCallId, toolName, input } = part;
    assistant.push({ type: 'tool-call', toolCallId, toolName, input, ...providerOptions });
    results.push({ type: 'tool-result', toolCallId, toolName, output: { type: 'text', text: '40 C' } });
  }
  return [
    { role: 'assistant', content: assistant },
    { role: 'tool', content: results },
  ];
}

/** Content as the agent assembles it from a stream: blocks committed at their end. */
async function collectContent(stream: AsyncIterable<StreamPart>): Promise<Content[]> {
  const content: Content[] = [];
  const reasoning = new Map<string, string[]>();
  const text = new Map<string, string[]>();
  for await (const part of stream) {
    if (part.type === 'error') throw part.error;
    if (part.type === 'reasoning-start') reasoning.set(part.id, []);
    if (part.type === 'reasoning-delta') reasoning.get(part.id)?.push(part.delta);
    if (part.type === 'reasoning-end') {
      const metadata = part.providerMetadata ? { providerMetadata: part.providerMetadata } : {};
      content.push({ type: 'reasoning', text: reasoning.get(part.id)?.join('') ?? '', ...metadata });
    }
    if (part.type === 'text-start') text.set(part.id, []);
    if (part.type === 'text-delta') text.get(part.id)?.push(part.delta);
    if (part.type === 'text-end') content.push({ type: 'text', text: text.get(part.id)?.join('') ?? '' });
    if (part.type === 'tool-call' || part.type === 'tool-result' || part.type === 'source')
      content.push(part);
  }
  return content;
}

function thinkingCall(messages: Message[] = []): CallOptions {
  return {
    prompt: [
      systemMessage('You are a helpful assistant'),
      userMessage("What's the weather in Florence, Italy?"),
      ...messages,
    ],
    tools: [weather],
    toolChoice: 'auto',
    providerOptions: thinkingOptions,
  };
}

function expectEncryptedReasoning(content: Content[]): void {
  const reasoning = content.filter((part) => part.type === 'reasoning');
  expect(reasoning.length).toBeGreaterThan(0);
  for (const part of reasoning) {
    expect(part.providerMetadata?.openai).toEqual({
      itemId: expect.stringMatching(/^rs_/),
      encryptedContent: expect.stringMatching(/^gAAAA/),
      summary: expect.any(Array),
    });
  }
}

describe.skipIf(absent)(`recorded Responses sessions${skipReason}`, () => {
  it('replays gpt-5 summary thinking: encrypted reasoning kept in metadata and not sent back', async () => {
    const { model, fetch } = modelFor(
      'TestOpenAIResponsesWithSummaryThinking/openai-gpt-5/thinking.yaml',
      'gpt-5',
    );
    const first = await model.generate(thinkingCall());
    expectEncryptedReasoning(first.content);
    expect(first.finishReason).toBe('tool-calls');
    const second = await model.generate(thinkingCall(stepMessages(first.content)));
    expect(second.content.find((part) => part.type === 'text')?.text).toContain('40');
    expectEncryptedReasoning(second.content);
    expect(fetch.remaining()).toBe(0);
  });

  it('replays o4-mini streamed summary thinking with the same history rules', async () => {
    const { model, fetch } = modelFor(
      'TestOpenAIResponsesWithSummaryThinking/openai-o4-mini/thinking-streaming.yaml',
      'o4-mini',
    );
    const first = await collectContent(await model.stream(thinkingCall()));
    expectEncryptedReasoning(first);
    const second = await collectContent(await model.stream(thinkingCall(stepMessages(first))));
    const reasoning = second.find((part) => part.type === 'reasoning');
    expect(reasoning?.text).toContain('Florence');
    expect(reasoning?.providerMetadata?.openai?.summary).toEqual([reasoning?.text]);
    expect(fetch.remaining()).toBe(0);
  });

  it('replays a streamed web search: provider-executed call and result, then cited text', async () => {
    const { model } = modelFor('TestOpenAIWebSearch/stream.yaml', 'gpt-4.1');
    const content = await collectContent(
      await model.stream({
        prompt: [
          systemMessage('You are a helpful assistant'),
          userMessage('What is the current population of Tokyo? Cite your source.'),
        ],
        tools: [webSearchTool()],
        toolChoice: 'auto',
        maxOutputTokens: 4000,
      }),
    );
    expect(content.map((part) => part.type)).toEqual(['tool-call', 'tool-result', 'source', 'text']);
    expect(content[0]).toMatchObject({ toolName: 'web_search', providerExecuted: true });
    expect(content[2]).toMatchObject({ sourceType: 'url', url: expect.stringContaining('metro.tokyo') });
  });
});
