import { describe, expect, it } from 'vitest';
import type { Message, ReasoningPart } from '../../../spec/message.js';
import type { ProviderOptions } from '../../../spec/provider-options.js';
import {
  convertToGatewayChatMessages,
  type GatewayHistoryOptions,
} from './convert-to-gateway-chat-messages.js';

const cache: ProviderOptions = { anthropic: { cacheControl: { type: 'ephemeral' } } };
const toolCall = { type: 'tool-call', toolCallId: 'call_1', toolName: 'weather', input: '{"a": 1}' } as const;

function convert(prompt: Message[], options: Partial<GatewayHistoryOptions> = {}) {
  return convertToGatewayChatMessages(prompt, {
    modelId: 'anthropic/claude-haiku-4.5',
    imageDetailKey: 'openrouter',
    xaiResponses: true,
    ...options,
  });
}

/** The assistant message written for a reasoning part followed by a tool call, for a model id. */
function assistantFor(modelId: string, reasoning: ReasoningPart, xaiResponses = true) {
  const { messages } = convert([{ role: 'assistant', content: [reasoning, toolCall] }], {
    modelId,
    xaiResponses,
  });
  expect(messages).toHaveLength(1);
  return messages[0] as Record<string, unknown>;
}

describe('gateway history: reasoning by model family', () => {
  const signed: ReasoningPart = {
    type: 'reasoning',
    text: 'Thinking',
    providerOptions: { anthropic: { signature: 'SIG' } },
  };

  it('writes Anthropic thinking back with its signature and the plain reasoning text', () => {
    expect(assistantFor('anthropic/claude-haiku-4.5', signed)).toMatchObject({
      reasoning_details: [
        {
          type: 'reasoning.text',
          format: 'anthropic-claude-v1',
          text: 'Thinking',
          signature: 'SIG',
          index: 0,
        },
      ],
      reasoning: 'Thinking',
    });
  });

  it('sends reasoning without its family metadata as <thoughts> text', () => {
    const bare: ReasoningPart = { type: 'reasoning', text: 'Hmm' };
    const message = assistantFor('anthropic/claude-haiku-4.5', bare);
    expect(message).toEqual({
      role: 'assistant',
      content: '<thoughts>Hmm</thoughts>',
      tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'weather', arguments: '{"a": 1}' } }],
    });
  });

  it('writes Responses summaries and encrypted content for openai/ models', () => {
    const reasoning: ReasoningPart = {
      type: 'reasoning',
      text: 'a\nb',
      providerOptions: { openai: { itemId: 'rs_1', encryptedContent: 'ENC', summary: ['a', '', 'b'] } },
    };
    expect(assistantFor('openai/gpt-5', reasoning)).toMatchObject({
      reasoning_details: [
        { type: 'reasoning.summary', format: 'openai-responses-v1', summary: 'a', index: 0 },
        { type: 'reasoning.summary', format: 'openai-responses-v1', summary: 'b', index: 2 },
        { type: 'reasoning.encrypted', format: 'openai-responses-v1', data: 'ENC', id: 'rs_1', index: 0 },
      ],
    });
  });

  it('tells xai/ from x-ai/: only the first gets xai-responses-v1 details, and only on OpenRouter', () => {
    const reasoning: ReasoningPart = {
      type: 'reasoning',
      text: '',
      providerOptions: { openai: { itemId: 'rs_1', encryptedContent: 'ENC', summary: [] } },
    };
    expect(assistantFor('xai/grok-4', reasoning).reasoning_details).toEqual([
      { type: 'reasoning.encrypted', format: 'xai-responses-v1', data: 'ENC', id: 'rs_1', index: 0 },
    ]);
    const plain = [{ type: 'reasoning.text', format: 'unknown', index: 0 }];
    expect(assistantFor('x-ai/grok-4.1-fast', reasoning).reasoning_details).toEqual(plain);
    expect(assistantFor('xai/grok-4', reasoning, false).reasoning_details).toEqual(plain);
  });

  it('writes a Gemini signature as an encrypted detail, leaving out empty fields', () => {
    const reasoning: ReasoningPart = {
      type: 'reasoning',
      text: '',
      providerOptions: { google: { thoughtSignature: 'SIG', toolId: 'tool_1' } },
    };
    expect(assistantFor('google/gemini-3-pro-preview', reasoning).reasoning_details).toEqual([
      { type: 'reasoning.encrypted', format: 'google-gemini-v1', data: 'SIG', id: 'tool_1', index: 0 },
    ]);
    const textOnly: ReasoningPart = {
      type: 'reasoning',
      text: 'T',
      providerOptions: { google: { thoughtSignature: '' } },
    };
    expect(assistantFor('google/gemini-3-pro-preview', textOnly).reasoning_details).toEqual([
      { type: 'reasoning.text', format: 'google-gemini-v1', text: 'T', index: 0 },
      { type: 'reasoning.encrypted', format: 'google-gemini-v1', index: 0 },
    ]);
  });

  it('sends only the last reasoning part, and joins texts with newlines', () => {
    const { messages } = convert(
      [
        {
          role: 'assistant',
          content: [
            { type: 'reasoning', text: 'first' },
            { type: 'text', text: 'one' },
            { type: 'reasoning', text: 'second' },
            { type: 'text', text: 'two' },
          ],
        },
      ],
      { modelId: 'z-ai/glm-5-turbo' },
    );
    expect(messages[0]).toEqual({
      role: 'assistant',
      content: 'one\ntwo',
      reasoning_details: [{ type: 'reasoning.text', format: 'unknown', text: 'second', index: 0 }],
    });
  });
});

describe('gateway history: Anthropic cache control', () => {
  it('marks system and single-text user messages, and the last part of a multi-part user message', () => {
    const image = { type: 'file', data: new Uint8Array([1]), mediaType: 'image/png' } as const;
    const { messages } = convert([
      { role: 'system', content: [{ type: 'text', text: 'Be brief' }], providerOptions: cache },
      { role: 'user', content: [{ type: 'text', text: 'Hi' }], providerOptions: cache },
      { role: 'user', content: [{ type: 'text', text: 'Look' }, image], providerOptions: cache },
    ]);
    expect(messages[0]).toEqual({
      role: 'system',
      content: 'Be brief',
      cache_control: { type: 'ephemeral' },
    });
    expect(messages[1]).toEqual({ role: 'user', content: 'Hi', cache_control: { type: 'ephemeral' } });
    expect(messages[2]).toEqual({
      role: 'user',
      content: [
        { type: 'text', text: 'Look' },
        {
          type: 'image_url',
          image_url: { url: 'data:image/png;base64,AQ==' },
          cache_control: { type: 'ephemeral' },
        },
      ],
    });
  });

  it('marks the last tool call of an assistant message but never its text or a tool message', () => {
    const { messages } = convert([
      { role: 'assistant', content: [{ type: 'text', text: 'Checking' }, toolCall], providerOptions: cache },
      {
        role: 'tool',
        content: [{ type: 'tool-result', toolCallId: 'call_1', output: { type: 'text', text: '40 C' } }],
        providerOptions: cache,
      },
    ]);
    expect(messages).toEqual([
      {
        role: 'assistant',
        content: 'Checking',
        tool_calls: [
          {
            id: 'call_1',
            type: 'function',
            function: { name: 'weather', arguments: '{"a": 1}' },
            cache_control: { type: 'ephemeral' },
          },
        ],
      },
      { role: 'tool', content: '40 C', tool_call_id: 'call_1' },
    ]);
  });

  it('marks a single-text assistant message and honours a part-level cache control with a ttl', () => {
    const { messages } = convert([
      { role: 'assistant', content: [{ type: 'text', text: 'Done' }], providerOptions: cache },
      {
        role: 'user',
        content: [
          {
            type: 'text',
            text: 'a',
            providerOptions: { anthropic: { cacheControl: { type: 'ephemeral', ttl: '1h' } } },
          },
          { type: 'text', text: 'b' },
        ],
      },
    ]);
    expect(messages[0]).toEqual({ role: 'assistant', content: 'Done', cache_control: { type: 'ephemeral' } });
    expect(messages[1]).toEqual({
      role: 'user',
      content: [
        { type: 'text', text: 'a', cache_control: { type: 'ephemeral', ttl: '1h' } },
        { type: 'text', text: 'b' },
      ],
    });
  });

  it('reads image detail from the gateway key and drops a user message with nothing it can send', () => {
    const image = {
      type: 'file',
      data: new Uint8Array([1]),
      mediaType: 'image/png',
      providerOptions: { openrouter: { imageDetail: 'low' } },
    } as const;
    const video = { type: 'file', data: new Uint8Array([1]), mediaType: 'video/mp4' } as const;
    const { messages, warnings } = convert([
      { role: 'user', content: [image] },
      { role: 'user', content: [video] },
    ]);
    expect(messages).toEqual([
      {
        role: 'user',
        content: [{ type: 'image_url', image_url: { url: 'data:image/png;base64,AQ==', detail: 'low' } }],
      },
    ]);
    expect(warnings.map((warning) => warning.type)).toEqual(['other', 'other']);
  });

  it('warns when it drops an empty assistant message', () => {
    const { messages, warnings } = convert([
      { role: 'user', content: [{ type: 'text', text: 'hi' }] },
      { role: 'assistant', content: [] },
    ]);
    expect(messages).toEqual([{ role: 'user', content: 'hi' }]);
    expect(warnings).toEqual([{ type: 'other', message: 'assistant message is empty; it was not sent' }]);
  });
});
