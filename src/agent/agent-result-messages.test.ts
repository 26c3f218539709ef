import { describe, expect, it } from 'vitest';
import {
  finishPart,
  textParts,
  toolCall,
  toolCallParts,
  valueTool,
} from '../../test/support/agent-fixtures.js';
import { type Message, userMessage } from '../spec/message.js';
import { MockLanguageModel } from '../testing/mock-language-model.js';
import { createAgent } from './create-agent.js';

const callThenAnswer = {
  generate: [
    {
      content: [
        { type: 'reasoning' as const, text: 'I should look.' },
        toolCall('1', 'lookup', '{"value":"a"}'),
      ],
      finishReason: 'tool-calls' as const,
    },
    {
      content: [
        { type: 'reasoning' as const, text: 'Got ' },
        { type: 'reasoning' as const, text: 'it.' },
        { type: 'text' as const, text: 'Hello ' },
        { type: 'text' as const, text: 'world' },
      ],
    },
  ],
};

describe('agent results: text, reasoningText and messages', () => {
  it('joins every text block of the final answer into text, and its reasoning into reasoningText', async () => {
    const model = new MockLanguageModel(callThenAnswer);
    const result = await createAgent(model, { tools: [valueTool('lookup')] }).generate({ prompt: 'Hi' });
    expect(result.text).toBe('Hello world');
    expect(result.reasoningText).toBe('Got it.');
    expect(result.steps[0]?.text).toBe('');
    expect(result.steps[0]?.reasoningText).toBe('I should look.');
    expect(result.steps[1]?.text).toBe('Hello world');
  });

  it('lists every message the run added, so prompt plus messages continue the conversation exactly', async () => {
    const model = new MockLanguageModel({
      generate: [...callThenAnswer.generate, { content: [{ type: 'text', text: 'Bye' }] }],
    });
    const agent = createAgent(model, { tools: [valueTool('lookup')] });
    const prompt: Message[] = [userMessage('Hi')];
    const result = await agent.generate({ messages: prompt });
    expect(result.messages.map((message) => message.role)).toEqual(['assistant', 'tool', 'assistant']);
    expect(result.messages).toEqual(result.steps.flatMap((step) => step.messages));
    // The second step was sent the prompt plus the first step's messages: the same history a save gives.
    expect(model.calls[1]?.prompt).toEqual([...prompt, ...(result.steps[0]?.messages ?? [])]);
    const saved = JSON.parse(JSON.stringify([...prompt, ...result.messages])) as Message[];
    await agent.generate({ messages: saved, prompt: 'And now?' });
    expect(model.calls[2]?.prompt).toEqual([...prompt, ...result.messages, userMessage('And now?')]);
  });

  it('gives a streamed run the same text, reasoningText and messages as a generated one', async () => {
    const model = new MockLanguageModel({
      stream: [
        [...toolCallParts('1', 'lookup', '{"value":"a"}'), finishPart('tool-calls')],
        [...textParts('t', 'Hello ', 'world'), ...textParts('u', '!'), finishPart('stop')],
      ],
    });
    const run = await createAgent(model, { tools: [valueTool('lookup')] }).stream({ prompt: 'Hi' });
    const result = await run.result;
    expect(result.text).toBe('Hello world!');
    expect(result.reasoningText).toBe('');
    expect(result.messages.map((message) => message.role)).toEqual(['assistant', 'tool', 'assistant']);
    expect(result.messages.at(-1)?.content).toEqual([
      { type: 'text', text: 'Hello world' },
      { type: 'text', text: '!' },
    ]);
  });

  it('has empty text and no messages when a run produced nothing', async () => {
    const model = new MockLanguageModel({ generate: { content: [] } });
    const result = await createAgent(model).generate({ prompt: 'Hi' });
    expect(result.text).toBe('');
    expect(result.messages).toEqual([]);
  });
});
