import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { textOf, toolCallsOf } from '../../spec/content.js';
import type { Message, MessagePart } from '../../spec/message.js';
import type { FunctionTool } from '../../spec/tool.js';
import { createCassetteFetch } from '../../testing/index.js';
import { createAnthropic, createVertexAnthropic } from './index.js';

const cassettes = fileURLToPath(new URL('../../../../shared/conformance/cassettes', import.meta.url));
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
const system: Message = { role: 'system', content: [{ type: 'text', text: 'You are a helpful assistant' }] };

describe.skipIf(!present)(
  `recorded Anthropic sessions (${present ? cassettes : 'skipped: ../shared/conformance is absent'})`,
  () => {
    it('sends the recorded thinking signature back on the second request', async () => {
      const fetch = createCassetteFetch({
        path: `${cassettes}/TestAnthropicThinking/claude-sonnet-4/thinking.yaml`,
      });
      const model = createAnthropic({ apiKey: 'replay', fetch }).languageModel('claude-sonnet-4-20250514');
      const call = {
        tools: [weather],
        toolChoice: 'auto' as const,
        providerOptions: { anthropic: { thinking: { budgetTokens: 4000 } } },
      };
      const prompt: Message[] = [
        system,
        { role: 'user', content: [{ type: 'text', text: "What's the weather in Florence, Italy?" }] },
      ];
      const first = await model.generate({ ...call, prompt });
      expect(first.finishReason).toBe('tool-calls');
      const reasoning = first.content.find((part) => part.type === 'reasoning');
      expect(reasoning?.providerMetadata?.anthropic?.signature).toMatch(/^E/);
      const toolCall = toolCallsOf(first.content)[0]!;
      prompt.push(
        {
          role: 'assistant',
          content: first.content.flatMap((part): MessagePart[] => {
            if (part.type === 'reasoning') {
              return [{ type: 'reasoning', text: part.text, providerOptions: part.providerMetadata! }];
            }
            if (part.type !== 'tool-call') return [];
            return [
              { type: 'tool-call', toolCallId: part.toolCallId, toolName: part.toolName, input: part.input },
            ];
          }),
        },
        {
          role: 'tool',
          content: [
            {
              type: 'tool-result',
              toolCallId: toolCall.toolCallId,
              toolName: 'weather',
              output: { type: 'text', text: '40 C' },
            },
          ],
        },
      );
      const second = await model.generate({ ...call, prompt });
      expect(textOf(second.content)).toContain('40');
      expect(fetch.remaining()).toBe(0);
    });

    it('replays Claude on Vertex through rawPredict', async () => {
      const fetch = createCassetteFetch({
        path: `${cassettes}/TestGoogleCommon/vertex-claude-3-7-sonnet/simple.yaml`,
      });
      const vertex = createVertexAnthropic({
        project: 'fantasy-playground-472418',
        location: 'us-east5',
        accessToken: 'dummy-token',
        fetch,
      });
      const result = await vertex.languageModel('claude-3-7-sonnet@20250219').generate({
        prompt: [system, { role: 'user', content: [{ type: 'text', text: 'Say hi in Portuguese' }] }],
        maxOutputTokens: 4000,
      });
      expect(textOf(result.content)).toMatch(/Olá|Oi/i);
    });
  },
);
