import { describe, expect, it } from 'vitest';
import { finishPart, textParts } from '../../test/support/agent-fixtures.js';
import { userMessage } from '../spec/message.js';
import type { StreamPart } from '../spec/stream-part.js';
import { MockLanguageModel } from '../testing/mock-language-model.js';
import { defaultSettingsMiddleware } from './default-settings-middleware.js';
import { extractReasoningMiddleware } from './extract-reasoning-middleware.js';
import type { LanguageModelMiddleware } from './language-model-middleware.js';
import { simulateStreamingMiddleware } from './simulate-streaming-middleware.js';
import { wrapLanguageModel } from './wrap-language-model.js';

const prompt = [userMessage('Hi')];

async function collect(parts: AsyncIterable<StreamPart>): Promise<StreamPart[]> {
  const collected: StreamPart[] = [];
  for await (const part of parts) collected.push(part);
  return collected;
}

/** A middleware that logs its name on the way in and out. */
function logging(name: string, log: string[]): LanguageModelMiddleware {
  return {
    transformParams: ({ params }) => {
      log.push(`${name}:params`);
      return params;
    },
    wrapGenerate: async ({ doGenerate }) => {
      log.push(`${name}:before`);
      const result = await doGenerate();
      log.push(`${name}:after`);
      return result;
    },
  };
}

describe('wrapLanguageModel', () => {
  it('runs middleware in order: the first sees the call first and the result last', async () => {
    const log: string[] = [];
    const model = wrapLanguageModel({
      model: new MockLanguageModel({ generate: { content: [{ type: 'text', text: 'ok' }] } }),
      middleware: [logging('outer', log), logging('inner', log)],
    });
    await model.generate({ prompt });
    expect(log).toEqual([
      'outer:params',
      'outer:before',
      'inner:params',
      'inner:before',
      'inner:after',
      'outer:after',
    ]);
  });

  it('sends the transformed params to the model and keeps its name unless renamed', async () => {
    const inner = new MockLanguageModel({ generate: { content: [] } });
    const model = wrapLanguageModel({
      model: inner,
      middleware: { transformParams: ({ params }) => ({ ...params, temperature: 0.5 }) },
    });
    await model.generate({ prompt });
    expect(inner.calls[0]?.temperature).toBe(0.5);
    expect([model.provider, model.modelId]).toEqual(['mock', 'mock-model']);
    const renamed = wrapLanguageModel({ model: inner, middleware: [], modelId: 'alias', provider: 'mine' });
    expect([renamed.provider, renamed.modelId]).toEqual(['mine', 'alias']);
  });

  it('wraps streams', async () => {
    const inner = new MockLanguageModel({ stream: [...textParts('t', 'a', 'b'), finishPart('stop')] });
    const upper: LanguageModelMiddleware = {
      wrapStream: async ({ doStream }) => {
        const source = await doStream();
        return (async function* () {
          for await (const part of source)
            yield part.type === 'text-delta' ? { ...part, delta: part.delta.toUpperCase() } : part;
        })();
      },
    };
    const parts = await collect(
      await wrapLanguageModel({ model: inner, middleware: upper }).stream({ prompt }),
    );
    expect(parts.filter((part) => part.type === 'text-delta').map((part) => part.delta)).toEqual(['A', 'B']);
  });
});

describe('defaultSettingsMiddleware', () => {
  it('fills unset settings, keeps the call’s, and merges headers and provider options', async () => {
    const inner = new MockLanguageModel({ generate: { content: [] } });
    const model = wrapLanguageModel({
      model: inner,
      middleware: defaultSettingsMiddleware({
        settings: {
          temperature: 0,
          maxOutputTokens: 100,
          headers: { 'x-a': 'default', 'x-b': 'default' },
          providerOptions: { openai: { user: 'u', store: false } },
        },
      }),
    });
    await model.generate({
      prompt,
      maxOutputTokens: 5,
      headers: { 'x-b': 'call' },
      providerOptions: { openai: { store: true } },
    });
    expect(inner.calls[0]).toMatchObject({
      temperature: 0,
      maxOutputTokens: 5,
      headers: { 'x-a': 'default', 'x-b': 'call' },
      providerOptions: { openai: { user: 'u', store: true } },
    });
  });
});

describe('extractReasoningMiddleware', () => {
  const text = '<think>Two plus two.</think>\n\nIt is 4.';

  it('turns tagged text into reasoning content in generate', async () => {
    const model = wrapLanguageModel({
      model: new MockLanguageModel({ generate: { content: [{ type: 'text', text }] } }),
      middleware: extractReasoningMiddleware({ tagName: 'think' }),
    });
    const result = await model.generate({ prompt });
    expect(result.content).toEqual([
      { type: 'reasoning', text: 'Two plus two.' },
      { type: 'text', text: 'It is 4.' },
    ]);
    expect([result.reasoningText, result.text]).toEqual(['Two plus two.', 'It is 4.']);
  });

  it('streams reasoning parts, then text, with the tags cut at every offset', async () => {
    for (let offset = 1; offset < text.length; offset++) {
      const inner = new MockLanguageModel({
        stream: [...textParts('t', text.slice(0, offset), text.slice(offset)), finishPart('stop')],
      });
      const model = wrapLanguageModel({
        model: inner,
        middleware: extractReasoningMiddleware({ tagName: 'think' }),
      });
      const parts = await collect(await model.stream({ prompt }));
      const reasoning = parts
        .flatMap((part) => (part.type === 'reasoning-delta' ? [part.delta] : []))
        .join('');
      const answer = parts.flatMap((part) => (part.type === 'text-delta' ? [part.delta] : [])).join('');
      expect([reasoning, answer]).toEqual(['Two plus two.', 'It is 4.']);
      expect(parts.map((part) => part.type).filter((type) => !type.endsWith('-delta'))).toEqual([
        'reasoning-start',
        'reasoning-end',
        'text-start',
        'text-end',
        'finish',
      ]);
    }
  });
});

describe('simulateStreamingMiddleware', () => {
  it('streams a generated answer as parts ending in finish', async () => {
    const inner = new MockLanguageModel({
      generate: {
        content: [
          { type: 'reasoning', text: 'hmm' },
          { type: 'text', text: 'hello' },
          { type: 'tool-call', toolCallId: 'c1', toolName: 'x', input: '{}' },
        ],
        finishReason: 'tool-calls',
      },
    });
    const parts = await collect(
      await wrapLanguageModel({ model: inner, middleware: simulateStreamingMiddleware() }).stream({ prompt }),
    );
    expect(parts.map((part) => part.type)).toEqual([
      'reasoning-start',
      'reasoning-delta',
      'reasoning-end',
      'text-start',
      'text-delta',
      'text-end',
      'tool-call',
      'finish',
    ]);
    expect(parts.at(-1)).toMatchObject({ type: 'finish', finishReason: 'tool-calls' });
  });
});
