import { describe, expect, it } from 'vitest';
import type { Content } from '../../spec/content.js';
import type { Message, MessagePart } from '../../spec/message.js';
import type { StreamPart } from '../../spec/stream-part.js';
import type { FunctionTool } from '../../spec/tool.js';
import { createAnthropic } from './index.js';

const weather: FunctionTool = {
  type: 'function',
  name: 'weather',
  description: 'Get weather information for a location',
  inputSchema: { type: 'object', properties: { location: { type: 'string' } }, required: ['location'] },
};

/** The Messages API responses of three turns: two tool turns with thinking, then an answer. */
const turns = [
  [
    { type: 'thinking', thinking: 'First thought.', signature: 'sig-one' },
    { type: 'tool_use', id: 'toolu_1', name: 'weather', input: { location: 'Florence' } },
  ],
  [
    { type: 'thinking', thinking: 'Second thought.', signature: 'sig-two' },
    { type: 'redacted_thinking', data: 'redacted-two' },
    { type: 'tool_use', id: 'toolu_2', name: 'weather', input: { location: 'Rome' } },
  ],
  [{ type: 'text', text: 'Florence 40 C, Rome 38 C.' }],
];

function fakeAnthropic(stream: boolean) {
  const bodies: Array<Record<string, unknown>> = [];
  const fetch = async (_url: string | URL | Request, init?: RequestInit) => {
    const body = JSON.parse(String(init?.body)) as Record<string, unknown>;
    const content = turns[bodies.length]!;
    bodies.push(body);
    const stopReason = content.at(-1)?.type === 'tool_use' ? 'tool_use' : 'end_turn';
    if (!stream) {
      const message = {
        id: 'msg',
        content,
        stop_reason: stopReason,
        usage: { input_tokens: 1, output_tokens: 1 },
      };
      return Response.json(message);
    }
    return new Response(toSse(content, stopReason), { headers: { 'content-type': 'text/event-stream' } });
  };
  return {
    bodies,
    model: createAnthropic({ apiKey: 'k', fetch: fetch as typeof globalThis.fetch }).languageModel(
      'claude-sonnet-4-20250514',
    ),
  };
}

/** The events the API streams for a message's content blocks. */
function toSse(content: Array<Record<string, unknown>>, stopReason: string): string {
  const events: unknown[] = [{ type: 'message_start', message: { usage: { input_tokens: 1 } } }];
  content.forEach((block, index) => {
    if (block.type === 'thinking') {
      events.push({
        type: 'content_block_start',
        index,
        content_block: { type: 'thinking', thinking: '', signature: '' },
      });
      events.push({
        type: 'content_block_delta',
        index,
        delta: { type: 'thinking_delta', thinking: block.thinking },
      });
      events.push({
        type: 'content_block_delta',
        index,
        delta: { type: 'signature_delta', signature: block.signature },
      });
    } else if (block.type === 'tool_use') {
      events.push({ type: 'content_block_start', index, content_block: { ...block, input: {} } });
      const json = JSON.stringify(block.input);
      events.push({
        type: 'content_block_delta',
        index,
        delta: { type: 'input_json_delta', partial_json: json },
      });
    } else if (block.type === 'text') {
      events.push({ type: 'content_block_start', index, content_block: { type: 'text', text: '' } });
      events.push({ type: 'content_block_delta', index, delta: { type: 'text_delta', text: block.text } });
    } else {
      events.push({ type: 'content_block_start', index, content_block: block });
    }
    events.push({ type: 'content_block_stop', index });
  });
  events.push({ type: 'message_delta', delta: { stop_reason: stopReason }, usage: { output_tokens: 3 } });
  events.push({ type: 'message_stop' });
  return events
    .map((event) => `event: ${(event as { type: string }).type}\ndata: ${JSON.stringify(event)}\n\n`)
    .join('');
}

/** Collects a stream into content the way an agent does: reasoning text from deltas, the last metadata seen. */
async function collect(parts: AsyncIterable<StreamPart>): Promise<Content[]> {
  const content: Content[] = [];
  const reasoning = new Map<string, { text: string; metadata?: Content['providerMetadata'] }>();
  for await (const part of parts) {
    if (part.type === 'reasoning-start')
      reasoning.set(part.id, { text: '', metadata: part.providerMetadata });
    else if (part.type === 'reasoning-delta') {
      const open = reasoning.get(part.id)!;
      open.text += part.delta;
      if (part.providerMetadata) open.metadata = part.providerMetadata;
    } else if (part.type === 'reasoning-end') {
      const open = reasoning.get(part.id)!;
      const metadata = part.providerMetadata ?? open.metadata;
      content.push({
        type: 'reasoning',
        text: open.text,
        ...(metadata ? { providerMetadata: metadata } : {}),
      });
    } else if (part.type === 'tool-call' || part.type === 'text-delta') {
      content.push(part.type === 'tool-call' ? part : { type: 'text', text: part.delta });
    } else if (part.type === 'error') throw part.error;
  }
  return content;
}

/** The history a turn adds: its content as an assistant message (metadata → options), then the tool results. */
function nextMessages(content: Content[]): Message[] {
  const assistant: MessagePart[] = [];
  const results: MessagePart[] = [];
  for (const part of content) {
    const options = part.providerMetadata ? { providerOptions: part.providerMetadata } : {};
    if (part.type === 'reasoning' || part.type === 'text')
      assistant.push({ type: part.type, text: part.text, ...options });
    if (part.type === 'tool-call') {
      assistant.push({
        type: 'tool-call',
        toolCallId: part.toolCallId,
        toolName: part.toolName,
        input: part.input,
      });
      results.push({
        type: 'tool-result',
        toolCallId: part.toolCallId,
        toolName: part.toolName,
        output: { type: 'text', text: '40 C' },
      });
    }
  }
  return [
    { role: 'assistant', content: assistant },
    { role: 'tool', content: results },
  ];
}

describe.each([false, true])('reasoning signatures (stream: %s)', (stream) => {
  it('are sent back unchanged as thinking blocks on each of three turns', async () => {
    const { bodies, model } = fakeAnthropic(stream);
    const prompt: Message[] = [
      { role: 'user', content: [{ type: 'text', text: 'Weather in Florence and Rome?' }] },
    ];
    const call = {
      tools: [weather],
      toolChoice: 'auto' as const,
      providerOptions: { anthropic: { thinking: { budgetTokens: 2000 } } },
    };
    for (let turn = 0; turn < 3; turn++) {
      const content = stream
        ? await collect(await model.stream({ ...call, prompt }))
        : (await model.generate({ ...call, prompt })).content;
      if (turn < 2) prompt.push(...nextMessages(content));
    }
    const assistantTurns = (body: Record<string, unknown>) =>
      (body.messages as Array<{ role: string; content: unknown[] }>)
        .filter((message) => message.role === 'assistant')
        .map((message) => message.content);
    expect(assistantTurns(bodies[1]!)).toEqual([
      [
        { type: 'thinking', thinking: 'First thought.', signature: 'sig-one' },
        { type: 'tool_use', id: 'toolu_1', name: 'weather', input: { location: 'Florence' } },
      ],
    ]);
    expect(assistantTurns(bodies[2]!)).toEqual([
      [
        { type: 'thinking', thinking: 'First thought.', signature: 'sig-one' },
        { type: 'tool_use', id: 'toolu_1', name: 'weather', input: { location: 'Florence' } },
      ],
      [
        { type: 'thinking', thinking: 'Second thought.', signature: 'sig-two' },
        { type: 'redacted_thinking', data: 'redacted-two' },
        { type: 'tool_use', id: 'toolu_2', name: 'weather', input: { location: 'Rome' } },
      ],
    ]);
    expect(bodies[2]!.thinking).toEqual({ type: 'enabled', budget_tokens: 2000 });
  });
});
