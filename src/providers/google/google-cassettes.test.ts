import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { CallOptions } from '../../spec/call-options.js';
import type { Content } from '../../spec/content.js';
import type { Message, MessagePart } from '../../spec/message.js';
import { systemMessage, userMessage } from '../../spec/message.js';
import type { StreamPart } from '../../spec/stream-part.js';
import type { FunctionTool } from '../../spec/tool.js';
import { createCassetteFetch } from '../../testing/index.js';
import { createGoogle, createVertex, type GoogleLanguageModel } from './index.js';

/**
 * Thought signatures across steps, against the shared recordings: step 1's answer becomes the assistant
 * message of step 2 (each part's metadata as its options, as the agent does), and step 2's request must equal
 * the recorded one, signature on the right part and all.
 */
const dir = fileURLToPath(new URL('../../../../shared/conformance/cassettes', import.meta.url));
const present = existsSync(dir);

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

const numbers = {
  type: 'object',
  properties: {
    a: { type: 'integer', description: 'first number' },
    b: { type: 'integer', description: 'second number' },
  },
  required: ['a', 'b'],
};
const add: FunctionTool = {
  type: 'function',
  name: 'add',
  description: 'Add two numbers',
  inputSchema: numbers,
};
const multiply: FunctionTool = {
  type: 'function',
  name: 'multiply',
  description: 'Multiply two numbers',
  inputSchema: numbers,
};

function counter(): () => string {
  let count = 0;
  return () => String(++count);
}

function gemini(cassette: string, modelId: string): { model: GoogleLanguageModel; remaining: () => number } {
  const fetch = createCassetteFetch({ path: `${dir}/${cassette}` });
  const model = createGoogle({ apiKey: 'replay', fetch, generateId: counter() }).languageModel(modelId);
  return { model, remaining: fetch.remaining };
}

/** The history a step adds: assistant parts with metadata as options, then the tool results. */
function nextMessages(content: readonly Content[], results: Record<string, string>): Message[] {
  const assistant: MessagePart[] = [];
  const tool: MessagePart[] = [];
  for (const part of content) {
    const options = part.providerMetadata ? { providerOptions: part.providerMetadata } : {};
    if (part.type === 'text' || part.type === 'reasoning')
      assistant.push({ type: part.type, text: part.text, ...options });
    if (part.type !== 'tool-call') continue;
    assistant.push({
      type: 'tool-call',
      toolCallId: part.toolCallId,
      toolName: part.toolName,
      input: part.input,
      ...options,
    });
    const text = results[part.toolName] ?? '';
    tool.push({
      type: 'tool-result',
      toolCallId: part.toolCallId,
      toolName: part.toolName,
      output: { type: 'text', text },
    });
  }
  return [
    { role: 'assistant', content: assistant },
    { role: 'tool', content: tool },
  ];
}

/** Assembles a stream the way the agent does: blocks are committed at their end. */
async function collectStream(
  stream: AsyncIterable<StreamPart>,
): Promise<{ content: Content[]; parts: StreamPart[] }> {
  const content: Content[] = [];
  const parts: StreamPart[] = [];
  const open = new Map<string, string[]>();
  for await (const part of stream) {
    parts.push(part);
    if (part.type === 'text-start' || part.type === 'reasoning-start') open.set(part.id, []);
    else if (part.type === 'text-delta' || part.type === 'reasoning-delta')
      open.get(part.id)?.push(part.delta);
    else if (part.type === 'text-end' || part.type === 'reasoning-end') {
      const type = part.type === 'text-end' ? 'text' : 'reasoning';
      const metadata = part.providerMetadata ? { providerMetadata: part.providerMetadata } : {};
      content.push({ type, text: (open.get(part.id) ?? []).join(''), ...metadata });
    } else if (part.type === 'tool-call') content.push(part);
    else if (part.type === 'error') throw part.error;
  }
  return { content, parts };
}

describe.skipIf(!present)(`thought signatures across steps (recordings in ${dir})`, () => {
  it('sends a Gemini 3 signature back on its function call with the model own id (thinking, generate)', async () => {
    const { model, remaining } = gemini(
      'TestGoogleThinking/gemini-3-pro-preview/thinking.yaml',
      'gemini-3-pro-preview',
    );
    const first: CallOptions = {
      prompt: [
        systemMessage('You are a helpful assistant'),
        userMessage("What's the weather in Florence, Italy?"),
      ],
      tools: [weather],
      toolChoice: 'auto',
      providerOptions: { google: { thinkingConfig: { thinkingLevel: 'HIGH', includeThoughts: true } } },
    };
    const step1 = await model.generate(first);
    expect(step1.finishReason).toBe('tool-calls');
    expect(step1.content.filter((part) => part.type === 'reasoning')).toHaveLength(1);
    const step2 = await model.generate({
      ...first,
      prompt: [...first.prompt, ...nextMessages(step1.content, { weather: '40 C' })],
    });
    expect(step2.content.find((part) => part.type === 'text')?.text).toContain('40');
    expect(remaining()).toBe(0);
  });

  it('replays the clamped thinking budget and a streamed signature (gemini-2.5-flash thinking-streaming)', async () => {
    const { model, remaining } = gemini(
      'TestGoogleThinking/gemini-2.5-flash/thinking-streaming.yaml',
      'gemini-2.5-flash',
    );
    const first: CallOptions = {
      prompt: [
        systemMessage('You are a helpful assistant'),
        userMessage("What's the weather in Florence, Italy?"),
      ],
      tools: [weather],
      toolChoice: 'auto',
      providerOptions: { google: { thinkingConfig: { thinkingBudget: 100, includeThoughts: true } } },
    };
    const step1 = await collectStream(await model.stream(first));
    expect(step1.parts[0]).toMatchObject({ type: 'warnings' });
    const signed = step1.content.filter((part) => part.type === 'reasoning' && part.providerMetadata?.google);
    expect(signed).toHaveLength(1);
    const step2 = await collectStream(
      await model.stream({
        ...first,
        prompt: [...first.prompt, ...nextMessages(step1.content, { weather: '40 C' })],
      }),
    );
    expect(step2.parts.at(-1)).toMatchObject({ type: 'finish', finishReason: 'stop' });
    expect(remaining()).toBe(0);
  });

  it('numbers id-less calls from the injected counter and signs only the first (gemini-2.5-flash multi tool)', async () => {
    const { model, remaining } = gemini(
      'TestGoogleCommon/gemini-2.5-flash/multi_tool.yaml',
      'gemini-2.5-flash',
    );
    const first: CallOptions = {
      prompt: [
        systemMessage(
          'You are a helpful assistant. CRITICAL: Always use both add and multiply at the same time ALWAYS.',
        ),
        userMessage('Add and multiply the number 2 and 3'),
      ],
      tools: [add, multiply],
      toolChoice: 'auto',
      maxOutputTokens: 4000,
    };
    const step1 = await model.generate(first);
    expect(step1.content.map((part) => (part.type === 'tool-call' ? part.toolCallId : part.type))).toEqual([
      'reasoning',
      '1',
      '2',
    ]);
    await model.generate({
      ...first,
      prompt: [...first.prompt, ...nextMessages(step1.content, { add: '5', multiply: '6' })],
    });
    expect(remaining()).toBe(0);
  });

  it('strips ids on Vertex but still pairs the responses by call (vertex-gemini-2-5-pro tool streaming)', async () => {
    const fetch = createCassetteFetch({
      path: `${dir}/TestGoogleCommon/vertex-gemini-2-5-pro/tool_streaming.yaml`,
    });
    const model = createVertex({
      project: 'fantasy-playground-472418',
      location: 'us-east5',
      accessToken: 'dummy-token',
      fetch,
      generateId: counter(),
    }).languageModel('gemini-2.5-pro');
    const first: CallOptions = {
      prompt: [
        systemMessage('You are a helpful assistant'),
        userMessage("What's the weather in Florence,Italy?"),
      ],
      tools: [weather],
      toolChoice: 'auto',
      maxOutputTokens: 4000,
    };
    const step1 = await collectStream(await model.stream(first));
    const step2 = await collectStream(
      await model.stream({
        ...first,
        prompt: [...first.prompt, ...nextMessages(step1.content, { weather: '40 C' })],
      }),
    );
    expect(step2.content.find((part) => part.type === 'text')?.text).toContain('40 C');
    expect(fetch.remaining()).toBe(0);
  });
});
