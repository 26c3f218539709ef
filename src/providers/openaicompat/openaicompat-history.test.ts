import { describe, expect, it } from 'vitest';
import { answeringFetch, jsonBody } from '../../../test/support/provider-wire.js';
import { InvalidArgumentError } from '../../errors/invalid-argument-error.js';
import type { Message } from '../../spec/message.js';
import { createOpenAICompatible } from './index.js';

const answer = () => jsonBody({ choices: [{ finish_reason: 'stop', message: { content: 'ok' } }] });
const cache = { 'openai-compat': { fields: { cache_control: { type: 'ephemeral' } } } };

async function send(prompt: Message[]) {
  const fetch = answeringFetch(answer);
  const model = createOpenAICompatible({
    baseURL: 'https://example.test/v1',
    apiKey: 'k',
    fetch,
  }).languageModel('m');
  const result = await model.generate({ prompt });
  return { body: fetch.bodies[0] as { messages: unknown[] }, warnings: result.warnings };
}

describe('OpenAI-compatible history', () => {
  it('drops an assistant message holding only reasoning, with a warning saying which', async () => {
    const { body, warnings } = await send([
      { role: 'user', content: [{ type: 'text', text: 'hi' }] },
      { role: 'assistant', content: [{ type: 'reasoning', text: 'thinking about it' }] },
      { role: 'user', content: [{ type: 'text', text: 'well?' }] },
    ]);
    expect(body.messages).toEqual([
      { role: 'user', content: 'hi' },
      { role: 'user', content: 'well?' },
    ]);
    expect(warnings).toContainEqual({
      type: 'other',
      message: 'assistant message 1 has only reasoning, no text or tool calls; it was not sent',
    });
  });

  it('keeps the reasoning of an assistant message that also has text', async () => {
    const { body, warnings } = await send([
      { role: 'user', content: [{ type: 'text', text: 'hi' }] },
      {
        role: 'assistant',
        content: [
          { type: 'reasoning', text: 'hmm' },
          { type: 'text', text: 'hello' },
        ],
      },
    ]);
    expect(body.messages[1]).toEqual({ role: 'assistant', content: 'hello', reasoning_content: 'hmm' });
    expect(warnings).toEqual([]);
  });

  it('warns for every empty message it drops: system, user and assistant', async () => {
    const { body, warnings } = await send([
      { role: 'system', content: [{ type: 'text', text: '  ' }] },
      { role: 'user', content: [{ type: 'file', mediaType: 'video/mp4', data: new Uint8Array([1]) }] },
      { role: 'assistant', content: [] },
      { role: 'user', content: [{ type: 'text', text: 'hi' }] },
    ]);
    expect(body.messages).toEqual([{ role: 'user', content: 'hi' }]);
    expect(warnings.map((warning) => warning.message)).toEqual([
      'system message 0 has no text content; it was not sent',
      'file with media type video/mp4 is not supported',
      'user message 1 has no content that can be sent; it was not sent',
      'assistant message 2 is empty; it was not sent',
    ]);
  });
});

describe('openaicompat per-part extra fields (Fantasy ContentExtraFields)', () => {
  it('merges a part’s fields into that part on the wire, in the array form', async () => {
    const { body } = await send([
      { role: 'system', content: [{ type: 'text', text: 'You are terse.', providerOptions: cache }] },
      {
        role: 'user',
        content: [
          { type: 'text', text: 'long document', providerOptions: cache },
          { type: 'text', text: 'question' },
        ],
      },
      { role: 'assistant', content: [{ type: 'text', text: 'noted', providerOptions: cache }] },
    ]);
    expect(body.messages).toEqual([
      {
        role: 'system',
        content: [{ type: 'text', text: 'You are terse.', cache_control: { type: 'ephemeral' } }],
      },
      {
        role: 'user',
        content: [
          { type: 'text', text: 'long document', cache_control: { type: 'ephemeral' } },
          { type: 'text', text: 'question' },
        ],
      },
      { role: 'assistant', content: [{ type: 'text', text: 'noted', cache_control: { type: 'ephemeral' } }] },
    ]);
  });

  it('takes the message’s fields for parts that have none, and sends a lone text in the array form', async () => {
    const { body } = await send([
      { role: 'user', content: [{ type: 'text', text: 'hi' }], providerOptions: cache },
    ]);
    expect(body.messages).toEqual([
      { role: 'user', content: [{ type: 'text', text: 'hi', cache_control: { type: 'ephemeral' } }] },
    ]);
  });

  it('rejects fields that would replace what the part is', async () => {
    const rejection = await send([
      {
        role: 'user',
        content: [
          { type: 'text', text: 'hi', providerOptions: { 'openai-compat': { fields: { text: 'other' } } } },
        ],
      },
    ]).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(InvalidArgumentError.isInstance(rejection)).toBe(true);
    expect(String(rejection)).toContain('fields cannot set text');
  });
});
