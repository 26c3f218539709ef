import { describe, expect, it } from 'vitest';
import { InvalidResponseError } from '../errors/invalid-response-error.js';
import { jsonSchema } from '../schema/json-schema-wrapper.js';
import type { StreamPart } from '../spec/stream-part.js';
import { MockLanguageModel } from '../testing/mock-language-model.js';
import { streamObject } from './stream-object.js';
import { streamObjectWithMode } from './stream-object-with-mode.js';

function objectModel(parts: StreamPart[], mode: 'json' | 'tool'): MockLanguageModel {
  const model: MockLanguageModel = new MockLanguageModel({
    stream: parts,
    streamObject: (options) => streamObjectWithMode(model, options, mode),
  });
  return model;
}

const schema = jsonSchema<{ value: string }>({
  type: 'object',
  properties: { value: { type: 'string' } },
  required: ['value'],
});
const finish: StreamPart = {
  type: 'finish',
  finishReason: 'stop',
  usage: {
    inputTokens: 1,
    outputTokens: 1,
    totalTokens: 2,
    reasoningTokens: 0,
    cacheCreationTokens: 0,
    cacheReadTokens: 0,
  },
};

describe('streamObject on malformed model output', () => {
  it.each([
    ['a text delta holding an object', 'json', [{ type: 'text-delta', id: '0', delta: { value: 'x' } }]],
    [
      'a text delta holding an array of strings',
      'json',
      [{ type: 'text-delta', id: '0', delta: ['{"value":', '"x"}'] }],
    ],
    ['a tool-input delta holding a number', 'tool', [{ type: 'tool-input-delta', id: 'c', delta: 7 }]],
    [
      'a tool call whose input is an object',
      'tool',
      [{ type: 'tool-call', toolCallId: 'c', toolName: 'json', input: { value: 'x' } }],
    ],
  ] as const)('rejects %s with an InvalidResponseError, never a TypeError', async (_name, mode, bad) => {
    const model = objectModel(
      [{ type: 'text-start', id: '0' }, ...(bad as unknown as StreamPart[]), finish],
      mode,
    );
    const result = await streamObject({ model, schema, prompt: 'value?' });
    const views = await Promise.allSettled([
      (async () => {
        for await (const _partial of result.partialObjectStream);
      })(),
      result.object,
    ]);
    for (const view of views) {
      expect(view.status).toBe('rejected');
      const reason = (view as PromiseRejectedResult).reason;
      expect(InvalidResponseError.isInstance(reason)).toBe(true);
      expect(String(reason)).toContain('not text');
    }
  });
});
