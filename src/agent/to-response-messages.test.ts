import { describe, expect, it } from 'vitest';
import type { Content } from '../spec/content.js';
import { toResponseMessages } from './to-response-messages.js';

describe('toResponseMessages', () => {
  const mixed: Content[] = [
    {
      type: 'tool-call',
      toolCallId: 'ws-1',
      toolName: 'web_search',
      input: '{"q":"x"}',
      providerExecuted: true,
    },
    {
      type: 'tool-result',
      toolCallId: 'ws-1',
      toolName: 'web_search',
      providerExecuted: true,
      providerMetadata: { test: { hits: 3 } },
    },
    { type: 'tool-call', toolCallId: 'c-1', toolName: 'echo', input: '{"value":"v"}' },
    { type: 'text', text: 'Here you go' },
    {
      type: 'tool-result',
      toolCallId: 'c-1',
      toolName: 'echo',
      output: { type: 'text', text: 'v' },
      clientMetadata: '{"ms":12}',
    },
  ];

  it('puts the response metadata on the assistant message only', () => {
    const [assistant, tool] = toResponseMessages(mixed, { test: { container: { id: 'c_1' } } });
    expect(assistant?.providerOptions).toEqual({ test: { container: { id: 'c_1' } } });
    expect(tool?.role).toBe('tool');
    expect(tool).not.toHaveProperty('providerOptions');
    expect(toResponseMessages(mixed)[0]).not.toHaveProperty('providerOptions');
  });

  it('routes provider-executed results to the assistant and client results to a tool message', () => {
    const [assistant, tool, ...rest] = toResponseMessages(mixed);
    expect(rest).toEqual([]);
    expect(assistant?.role).toBe('assistant');
    expect(assistant?.content).toEqual([
      {
        type: 'tool-call',
        toolCallId: 'ws-1',
        toolName: 'web_search',
        input: '{"q":"x"}',
        providerExecuted: true,
      },
      {
        type: 'tool-result',
        toolCallId: 'ws-1',
        toolName: 'web_search',
        output: { type: 'text', text: '' },
        providerExecuted: true,
        providerOptions: { test: { hits: 3 } },
      },
      { type: 'tool-call', toolCallId: 'c-1', toolName: 'echo', input: '{"value":"v"}' },
      { type: 'text', text: 'Here you go' },
    ]);
    expect(tool).toEqual({
      role: 'tool',
      content: [
        {
          type: 'tool-result',
          toolCallId: 'c-1',
          toolName: 'echo',
          output: { type: 'text', text: 'v' },
          clientMetadata: '{"ms":12}',
        },
      ],
    });
  });

  it('copies each content metadata into the part provider options', () => {
    const signature = { anthropic: { signature: 'sig' } };
    const [assistant] = toResponseMessages([
      { type: 'reasoning', text: 'thinking', providerMetadata: signature },
      { type: 'file', mediaType: 'image/png', data: new Uint8Array([1]), providerMetadata: signature },
    ]);
    expect(assistant?.content).toEqual([
      { type: 'reasoning', text: 'thinking', providerOptions: signature },
      { type: 'file', mediaType: 'image/png', data: new Uint8Array([1]), providerOptions: signature },
    ]);
  });

  it('drops sources and leaves out empty messages', () => {
    expect(
      toResponseMessages([{ type: 'source', sourceType: 'url', id: 's', url: 'https://x.test' }]),
    ).toEqual([]);
    expect(toResponseMessages([{ type: 'text', text: 'hi' }])).toEqual([
      { role: 'assistant', content: [{ type: 'text', text: 'hi' }] },
    ]);
  });

  it('replays an invalid call with its original input and without the invalid flag', () => {
    const [assistant] = toResponseMessages([
      {
        type: 'tool-call',
        toolCallId: '1',
        toolName: 'echo',
        input: '{broken',
        invalid: true,
        validationError: new Error('x'),
      },
    ]);
    expect(assistant?.content).toEqual([
      { type: 'tool-call', toolCallId: '1', toolName: 'echo', input: '{broken' },
    ]);
  });
});
