import { describe, expect, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import { toolCall } from '../../test/support/agent-fixtures.js';
import { fromFantasyJSON, toFantasyJSON } from '../persistence/fantasy-messages.js';
import { parseMessages, serializeMessages } from '../persistence/serialize-messages.js';
import { convertToAnthropicMessages } from '../providers/anthropic/convert-to-anthropic-messages.js';
import { convertToGoogleContents } from '../providers/google/convert-to-google-contents.js';
import { convertToOpenAIChatMessages } from '../providers/openai/convert-to-openai-chat-messages.js';
import { convertToOpenAIResponsesInput } from '../providers/openai/responses/convert-to-openai-responses-input.js';
import { jsonSchema } from '../schema/json-schema-wrapper.js';
import type { Content } from '../spec/content.js';
import type { Message } from '../spec/message.js';
import { MockLanguageModel } from '../testing/mock-language-model.js';
import { createAgent } from './create-agent.js';
import { tool } from './tool.js';
import { errorResponse, jsonResponse, textResponse, toToolResponse } from './tool-response.js';

const forecast = { city: 'Florence', celsius: 40, days: [1, 2.5], sunny: true, note: null };

function weatherAgent(execute: () => unknown) {
  const weather = tool({
    name: 'weather',
    description: 'Weather',
    inputSchema: z.object({ city: z.string() }),
    execute,
  } as Parameters<typeof tool>[0]);
  const model = new MockLanguageModel({
    generate: [
      { content: [toolCall('c1', 'weather', '{"city":"Florence"}')], finishReason: 'tool-calls' },
      { content: [{ type: 'text', text: 'Hot.' }] },
    ],
  });
  return { agent: createAgent(model, { tools: [weather] }), model };
}

const history: Message[] = [
  { role: 'assistant', content: [{ type: 'tool-call', toolCallId: 'c1', toolName: 'weather', input: '{}' }] },
  {
    role: 'tool',
    content: [
      {
        type: 'tool-result',
        toolCallId: 'c1',
        toolName: 'weather',
        output: { type: 'json', value: forecast },
      },
    ],
  },
];

describe('tool results as JSON', () => {
  it('records an object returned by execute as a json output, in content and in the tool message', async () => {
    const { agent, model } = weatherAgent(async () => forecast);
    const result = await agent.generate({ prompt: 'Weather?' });
    const toolResult = result.steps[0]?.content.find((part) => part.type === 'tool-result');
    expect(toolResult?.output).toEqual({ type: 'json', value: forecast });
    expect(result.steps[0]?.messages[1]?.content[0]).toMatchObject({
      output: { type: 'json', value: forecast },
    });
    expect(model.calls[1]?.prompt.at(-1)?.content[0]).toMatchObject({
      output: { type: 'json', value: forecast },
    });
  });

  it('turns arrays, numbers, booleans and null into json outputs, strings into text', () => {
    expect(toToolResponse([1, 'a'])).toEqual(jsonResponse([1, 'a']));
    expect(toToolResponse(42)).toEqual(jsonResponse(42));
    expect(toToolResponse(false)).toEqual(jsonResponse(false));
    expect(toToolResponse(null)).toEqual(jsonResponse(null));
    expect(toToolResponse('plain')).toEqual(textResponse('plain'));
    expect(toToolResponse(undefined)).toEqual(textResponse(''));
    expect(toToolResponse(errorResponse('no'))).toEqual(errorResponse('no'));
    expect(toToolResponse({ when: new Date(0), gone: undefined })).toEqual(
      jsonResponse({ when: '1970-01-01T00:00:00.000Z' }),
    );
  });

  it('sends a value JSON cannot hold back to the model as an error result naming the tool', async () => {
    const { agent } = weatherAgent(async () => ({ big: 1n }));
    const result = await agent.generate({ prompt: 'Weather?' });
    const toolResult = result.steps[0]?.content.find((part) => part.type === 'tool-result');
    expect(toolResult?.output).toMatchObject({ type: 'error' });
    expect(toolResult?.output?.type === 'error' && toolResult.output.error).toMatch(
      /tool "weather" failed.*JSON/,
    );
  });

  it('types execute from outputSchema and exposes the output schema', () => {
    const typed = tool({
      name: 'weather',
      description: 'Weather',
      inputSchema: z.object({ city: z.string() }),
      outputSchema: jsonSchema<{ celsius: number }>({
        type: 'object',
        properties: { celsius: { type: 'number' } },
        required: ['celsius'],
      }),
      execute: async () => ({ celsius: 21 }),
    });
    expect(typed.outputSchema).toMatchObject({ type: 'object', required: ['celsius'] });
    expectTypeOf(typed.execute).returns.resolves.toEqualTypeOf<
      import('./tool-response.js').ToolResponse | string | { celsius: number }
    >();
    tool({
      name: 'weather',
      description: 'Weather',
      inputSchema: z.object({ city: z.string() }),
      outputSchema: z.object({ celsius: z.number() }),
      // @ts-expect-error the output schema says celsius is a number
      execute: async () => ({ celsius: 'hot' }),
    });
    expect(
      tool({ name: 'n', description: 'd', inputSchema: {}, execute: () => 'x' }).outputSchema,
    ).toBeUndefined();
  });

  it('sends JSON text to chat completions, Anthropic and the Responses API, and an object to Gemini', () => {
    const text = JSON.stringify(forecast);
    expect(convertToOpenAIChatMessages(history).messages.at(-1)).toEqual({
      role: 'tool',
      content: text,
      tool_call_id: 'c1',
    });
    const anthropic = convertToAnthropicMessages(history, { sendReasoning: true });
    expect(anthropic.messages.at(-1)?.content).toEqual([
      { type: 'tool_result', tool_use_id: 'c1', content: [{ type: 'text', text }] },
    ]);
    const responses = convertToOpenAIResponsesInput(history, { systemMessageMode: 'system', store: false });
    expect(responses.input.at(-1)).toEqual({ type: 'function_call_output', call_id: 'c1', output: text });
    const google = (value: unknown) =>
      convertToGoogleContents(
        [
          history[0] as Message,
          {
            role: 'tool',
            content: [{ type: 'tool-result', toolCallId: 'c1', output: { type: 'json', value } as never }],
          },
        ],
        { omitFunctionCallIds: true, systemInFirstUserTurn: false },
      ).contents.at(-1)?.parts;
    expect(google(forecast)).toEqual([{ functionResponse: { name: 'weather', response: forecast } }]);
    expect(google([1, 2])).toEqual([{ functionResponse: { name: 'weather', response: { result: [1, 2] } } }]);
  });

  it('keeps json outputs in our format and writes them as text outputs of their JSON in Fantasy JSON', () => {
    expect(parseMessages(serializeMessages(history))).toEqual(history);
    const go = toFantasyJSON(history);
    expect(JSON.stringify(go)).toContain(
      JSON.stringify({ type: 'text', data: { text: JSON.stringify(forecast) } }),
    );
    expect(fromFantasyJSON(go)[1]?.content[0]).toMatchObject({
      output: { type: 'text', text: JSON.stringify(forecast) },
    });
  });

  it('names a tool result `result` in Fantasy content JSON and reads our older `result` documents', async () => {
    const content: Content = {
      type: 'tool-result',
      toolCallId: 'c1',
      toolName: 'w',
      output: { type: 'json', value: 1 },
    };
    const { responseToFantasyJSON, responseFromJSON } = await import('../persistence/index.js');
    const response = {
      content: [content],
      finishReason: 'stop' as const,
      usage: {
        inputTokens: 0,
        outputTokens: 0,
        totalTokens: 0,
        reasoningTokens: 0,
        cacheCreationTokens: 0,
        cacheReadTokens: 0,
      },
      warnings: [],
      text: '',
      reasoningText: '',
    };
    const go = responseToFantasyJSON(response) as { content: { data: Record<string, unknown> }[] };
    expect(go.content[0]?.data.result).toEqual({ type: 'text', data: { text: '1' } });
    const legacy = {
      format: 'fantasy-ts/response',
      version: 1,
      response: {
        ...response,
        content: [
          { type: 'tool-result', toolCallId: 'c1', toolName: 'w', result: { type: 'text', text: 'old' } },
        ],
      },
    };
    expect(responseFromJSON(legacy).content[0]).toEqual({
      type: 'tool-result',
      toolCallId: 'c1',
      toolName: 'w',
      output: { type: 'text', text: 'old' },
    });
  });
});
