import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { CallOptions } from '../../../spec/call-options.js';
import type { Content, ReasoningContent } from '../../../spec/content.js';
import type { LanguageModel } from '../../../spec/language-model.js';
import type { Message, MessagePart } from '../../../spec/message.js';
import type { ProviderMetadata, ProviderOptions } from '../../../spec/provider-options.js';
import type { FunctionTool } from '../../../spec/tool.js';
import { createCassetteFetch } from '../../../testing/index.js';
import { createOpenRouter } from '../../openrouter/index.js';
import { createVercelGateway } from '../../vercel/index.js';

/**
 * Replays recorded OpenRouter and Vercel AI Gateway sessions (../shared/conformance) through `generate` and
 * `stream` directly: the first turn as the scenario sends it, the second built from the first turn's content
 * (metadata → part options, the weather tool answering "40 C"). The cassette fetch fails on any body that is
 * not the recorded one.
 */
const cassettes = fileURLToPath(new URL('../../../../../shared/conformance/cassettes', import.meta.url));
const present = existsSync(cassettes);

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
const cache: ProviderOptions = { anthropic: { cacheControl: { type: 'ephemeral' } } };

interface Turn {
  content: Content[];
  providerMetadata: ProviderMetadata | undefined;
}

interface SessionOptions {
  gateway: 'openrouter' | 'vercel';
  cassette: string;
  modelId: string;
  streaming: boolean;
  prompt: string;
  maxOutputTokens?: number;
  providerOptions?: ProviderOptions;
  /** Marks messages for Anthropic caching as the `addAnthropicCaching` prepare step does. */
  anthropicCaching?: boolean;
}

function modelFor(options: SessionOptions) {
  const fetch = createCassetteFetch({ path: join(cassettes, options.cassette), mode: 'replay' });
  const settings = { apiKey: 'replay-key', fetch };
  const provider =
    options.gateway === 'openrouter' ? createOpenRouter(settings) : createVercelGateway(settings);
  return { model: provider.languageModel(options.modelId), fetch };
}

/** Runs the weather round trip: one turn, then (if the model called the tool) the second one. */
async function replayWeather(options: SessionOptions): Promise<{ turns: Turn[]; remaining: number }> {
  const { model, fetch } = modelFor(options);
  const system: Message = {
    role: 'system',
    content: [{ type: 'text', text: 'You are a helpful assistant' }],
  };
  const user: Message = { role: 'user', content: [{ type: 'text', text: options.prompt }] };
  const call = (prompt: Message[]): CallOptions => ({
    prompt,
    tools: [weather],
    toolChoice: 'auto',
    ...(options.maxOutputTokens === undefined ? {} : { maxOutputTokens: options.maxOutputTokens }),
    ...(options.providerOptions === undefined ? {} : { providerOptions: options.providerOptions }),
  });
  const mark = (message: Message): Message => ({ ...message, providerOptions: cache });
  const first = await runTurn(
    model,
    call(options.anthropicCaching ? [mark(system), mark(user)] : [system, user]),
    options.streaming,
  );
  const [assistant, tool] = historyOf(first.content);
  const history = options.anthropicCaching
    ? [mark(system), user, mark(assistant), mark(tool)]
    : [system, user, assistant, tool];
  const second = await runTurn(model, call(history), options.streaming);
  return { turns: [first, second], remaining: fetch.remaining() };
}

async function runTurn(model: LanguageModel, call: CallOptions, streaming: boolean): Promise<Turn> {
  if (!streaming) {
    const result = await model.generate(call);
    return { content: result.content, providerMetadata: result.providerMetadata };
  }
  const content: Content[] = [];
  const texts = new Map<string, string>();
  const reasoning = new Map<string, ReasoningContent>();
  let providerMetadata: ProviderMetadata | undefined;
  for await (const part of await model.stream(call)) {
    if (part.type === 'text-delta') texts.set(part.id, (texts.get(part.id) ?? '') + part.delta);
    else if (part.type === 'text-end') content.push({ type: 'text', text: texts.get(part.id) ?? '' });
    else if (part.type === 'reasoning-start') reasoning.set(part.id, { type: 'reasoning', text: '' });
    else if (part.type === 'reasoning-delta') reasoning.get(part.id)!.text += part.delta;
    else if (part.type === 'reasoning-end') {
      const block = reasoning.get(part.id)!;
      content.push(part.providerMetadata ? { ...block, providerMetadata: part.providerMetadata } : block);
    } else if (part.type === 'tool-call') content.push(part);
    else if (part.type === 'finish') providerMetadata = part.providerMetadata;
    else if (part.type === 'error') throw part.error;
  }
  return { content, providerMetadata };
}

/** The assistant message of a turn (metadata → part options) and the tool message answering its calls. */
function historyOf(content: Content[]): [Message, Message] {
  const parts: MessagePart[] = [];
  const results: MessagePart[] = [];
  for (const part of content) {
    const providerOptions = part.providerMetadata ? { providerOptions: part.providerMetadata } : {};
    if (part.type === 'text' || part.type === 'reasoning')
      parts.push({ type: part.type, text: part.text, ...providerOptions });
    if (part.type !== 'tool-call') continue;
    const { toolCallId, toolName, input } = part;
    parts.push({ type: 'tool-call', toolCallId, toolName, input, ...providerOptions });
    results.push({ type: 'tool-result', toolCallId, toolName, output: { type: 'text', text: '40 C' } });
  }
  return [
    { role: 'assistant', content: parts },
    { role: 'tool', content: results },
  ];
}

function reasoningOf(turn: Turn | undefined): ReasoningContent[] {
  return (turn?.content ?? []).filter((part): part is ReasoningContent => part.type === 'reasoning');
}

function finalText(turns: Turn[]): string {
  const last = turns.at(-1)?.content ?? [];
  return last.map((part) => (part.type === 'text' ? part.text : '')).join('');
}

const why = `the recorded sessions are expected in ${cassettes}`;

describe.skipIf(!present)(`recorded gateway sessions${present ? '' : ` (skipped: ${why})`}`, () => {
  for (const streaming of [false, true]) {
    it(`OpenRouter Claude thinking ${streaming ? 'streamed' : 'generated'} sends its signed reasoning back`, async () => {
      const { turns, remaining } = await replayWeather({
        gateway: 'openrouter',
        cassette: `TestOpenRouterThinking/anthropic/${streaming ? 'thinking-streaming' : 'thinking'}.yaml`,
        modelId: 'anthropic/claude-haiku-4.5',
        streaming,
        prompt: "What's the weather in Florence, Italy?",
        providerOptions: { openrouter: { reasoning: { effort: 'medium' } } },
      });
      expect(remaining).toBe(0);
      const reasoning = reasoningOf(turns[0]);
      expect(reasoning).toHaveLength(1);
      expect(reasoning[0]?.text).toMatch(/^The user is asking/);
      expect(reasoning[0]?.providerMetadata?.anthropic?.signature).toMatch(/^E/);
      expect(finalText(turns)).toMatch(/(?=.*Florence)(?=.*40)/s);
      expect(turns[0]?.providerMetadata?.openrouter).toMatchObject({
        provider: 'Amazon Bedrock',
        usage: { promptTokens: expect.any(Number), cost: expect.any(Number) },
      });
    });
  }

  it('OpenRouter grok via x-ai/ keeps both Responses blocks and echoes the last as a plain detail', async () => {
    const { turns, remaining } = await replayWeather({
      gateway: 'openrouter',
      cassette: 'TestOpenRouterCommon/grok/tool.yaml',
      modelId: 'x-ai/grok-4.1-fast',
      streaming: false,
      prompt: "What's the weather in Florence,Italy?",
      maxOutputTokens: 4000,
    });
    expect(remaining).toBe(0);
    const reasoning = reasoningOf(turns[0]);
    expect(reasoning.map((part) => part.text)).toEqual([expect.stringMatching(/^The user asked/), '']);
    expect(reasoning[1]?.providerMetadata?.openai).toMatchObject({ itemId: expect.stringMatching(/^rs_/) });
  });

  it('OpenRouter grok streamed ends its summary block with the encrypted item', async () => {
    const { turns, remaining } = await replayWeather({
      gateway: 'openrouter',
      cassette: 'TestOpenRouterCommon/grok/tool_streaming.yaml',
      modelId: 'x-ai/grok-4.1-fast',
      streaming: true,
      prompt: "What's the weather in Florence,Italy?",
      maxOutputTokens: 4000,
    });
    expect(remaining).toBe(0);
    const [reasoning] = reasoningOf(turns[0]);
    expect(reasoning?.providerMetadata?.openai).toMatchObject({
      itemId: expect.stringMatching(/^rs_/),
      encryptedContent: expect.any(String),
    });
  });

  it('OpenRouter Gemini streamed returns the thought signature of its tool call', async () => {
    const { turns, remaining } = await replayWeather({
      gateway: 'openrouter',
      cassette: 'TestOpenRouterCommon/gemini/tool_streaming.yaml',
      modelId: 'google/gemini-3.1-flash-lite-preview',
      streaming: true,
      prompt: "What's the weather in Florence,Italy?",
      maxOutputTokens: 4000,
    });
    expect(remaining).toBe(0);
    const call = turns[0]?.content.find((part) => part.type === 'tool-call');
    const [reasoning] = reasoningOf(turns[0]);
    expect(reasoning?.providerMetadata?.google).toEqual({
      thoughtSignature: expect.any(String),
      toolId: call?.type === 'tool-call' ? call.toolCallId : 'missing',
    });
  });

  it('OpenRouter GLM streamed keeps the first reasoning token that Fantasy dropped', async () => {
    const { model } = modelFor({
      gateway: 'openrouter',
      cassette: 'TestOpenRouterCommon/glm/tool_streaming.yaml',
      modelId: 'z-ai/glm-5-turbo',
      streaming: true,
      prompt: '',
    });
    const prompt: Message[] = [
      { role: 'system', content: [{ type: 'text', text: 'You are a helpful assistant' }] },
      { role: 'user', content: [{ type: 'text', text: "What's the weather in Florence,Italy?" }] },
    ];
    const turn = await runTurn(
      model,
      { prompt, tools: [weather], toolChoice: 'auto', maxOutputTokens: 4000 },
      true,
    );
    expect(reasoningOf(turn)[0]?.text).toMatch(/^The user wants to know the weather/);
  });

  for (const [gateway, cassette, modelId] of [
    [
      'openrouter',
      'TestOpenRouterCommonWithAnthropicCache/anthropic/tool_streaming.yaml',
      'anthropic/claude-haiku-4.5',
    ],
    ['vercel', 'TestVercelCommonWithAnthropicCache/claude-sonnet-4/tool.yaml', 'anthropic/claude-sonnet-4'],
  ] as const) {
    it(`${gateway} passes Anthropic cache control through as recorded (${cassette})`, async () => {
      const { remaining } = await replayWeather({
        gateway,
        cassette,
        modelId,
        streaming: cassette.includes('streaming'),
        prompt: "What's the weather in Florence,Italy?",
        maxOutputTokens: 4000,
        anthropicCaching: true,
      });
      expect(remaining).toBe(0);
    });
  }

  it('Vercel GPT-5 streamed thinking carries its encrypted reasoning back', async () => {
    const { turns, remaining } = await replayWeather({
      gateway: 'vercel',
      cassette: 'TestVercelThinking/gpt-5/thinking-streaming.yaml',
      modelId: 'openai/gpt-5',
      streaming: true,
      prompt: "What's the weather in Florence, Italy?",
      providerOptions: { vercel: { reasoning: { enabled: true } } },
    });
    expect(remaining).toBe(0);
    const [reasoning] = reasoningOf(turns[0]);
    expect(reasoning?.text).toMatch(/^\*\*Getting weather info\*\*/);
    expect(reasoning?.providerMetadata?.openai?.encryptedContent).toMatch(/^gAAAA/);
    expect(finalText(turns)).toMatch(/(?=.*Florence)(?=.*40)/s);
  });

  it('Vercel Claude thinking generated signs its reasoning', async () => {
    const { turns, remaining } = await replayWeather({
      gateway: 'vercel',
      cassette: 'TestVercelThinking/claude-sonnet-4-sig/thinking.yaml',
      modelId: 'anthropic/claude-sonnet-4',
      streaming: false,
      prompt: "What's the weather in Florence, Italy?",
      providerOptions: { vercel: { reasoning: { enabled: true } } },
    });
    expect(remaining).toBe(0);
    expect(reasoningOf(turns[0]).map((part) => part.providerMetadata?.anthropic?.signature)).toEqual([
      expect.stringMatching(/^E/),
    ]);
    expect(turns[0]?.providerMetadata?.vercel).toMatchObject({ usage: { cost: expect.any(Number) } });
  });
});
