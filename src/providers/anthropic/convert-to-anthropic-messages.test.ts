import { describe, expect, it } from 'vitest';
import type { Message } from '../../spec/message.js';
import { convertToAnthropicMessages, documentTitle } from './convert-to-anthropic-messages.js';

const cache = { anthropic: { cacheControl: { type: 'ephemeral' } } };
const convert = (prompt: Message[], sendReasoning = true) =>
  convertToAnthropicMessages(prompt, { sendReasoning });

describe('convertToAnthropicMessages', () => {
  it('puts message-level cache control on the message’s last part only', () => {
    const { system, messages } = convert([
      {
        role: 'system',
        content: [
          { type: 'text', text: 'a' },
          { type: 'text', text: 'b' },
        ],
        providerOptions: cache,
      },
      { role: 'user', content: [{ type: 'text', text: 'q' }] },
    ]);
    expect(system).toEqual([
      { type: 'text', text: 'a' },
      { type: 'text', text: 'b', cache_control: { type: 'ephemeral' } },
    ]);
    expect(messages[0]?.content[0]).toEqual({ type: 'text', text: 'q' });
  });

  it('lets a part’s own cache control win wherever it is', () => {
    const { messages } = convert([
      {
        role: 'user',
        content: [
          { type: 'text', text: 'first', providerOptions: cache },
          { type: 'text', text: 'second' },
        ],
      },
    ]);
    expect(messages[0]?.content).toEqual([
      { type: 'text', text: 'first', cache_control: { type: 'ephemeral' } },
      { type: 'text', text: 'second' },
    ]);
  });

  it('joins tool results to the user turn and caches the last result of a cached tool message', () => {
    const { messages } = convert([
      { role: 'user', content: [{ type: 'text', text: 'add' }] },
      {
        role: 'assistant',
        content: [
          { type: 'text', text: 'ok' },
          { type: 'tool-call', toolCallId: 'a', toolName: 'add', input: '{"a": 2, "b": 3}' },
          { type: 'tool-call', toolCallId: 'm', toolName: 'multiply', input: '{"a":2,"b":3}' },
        ],
        providerOptions: cache,
      },
      {
        role: 'tool',
        content: [
          { type: 'tool-result', toolCallId: 'a', output: { type: 'text', text: '5' } },
          { type: 'tool-result', toolCallId: 'm', output: { type: 'error', error: 'boom' } },
        ],
        providerOptions: cache,
      },
    ]);
    expect(messages).toEqual([
      { role: 'user', content: [{ type: 'text', text: 'add' }] },
      {
        role: 'assistant',
        content: [
          { type: 'text', text: 'ok' },
          { type: 'tool_use', id: 'a', name: 'add', input: { a: 2, b: 3 } },
          {
            type: 'tool_use',
            id: 'm',
            name: 'multiply',
            input: { a: 2, b: 3 },
            cache_control: { type: 'ephemeral' },
          },
        ],
      },
      {
        role: 'user',
        content: [
          { type: 'tool_result', tool_use_id: 'a', content: [{ type: 'text', text: '5' }] },
          {
            type: 'tool_result',
            tool_use_id: 'm',
            content: [{ type: 'text', text: 'boom' }],
            is_error: true,
            cache_control: { type: 'ephemeral' },
          },
        ],
      },
    ]);
  });

  it('sends images inline, PDFs and text files as documents with a sanitized title', () => {
    const bytes = new TextEncoder().encode('hello');
    const { messages } = convert([
      {
        role: 'user',
        content: [
          { type: 'file', data: bytes, mediaType: 'image/png' },
          { type: 'file', data: bytes, mediaType: 'application/pdf', filename: 'report:2024.pdf' },
          { type: 'file', data: bytes, mediaType: 'text/markdown' },
        ],
      },
    ]);
    expect(messages[0]?.content).toEqual([
      { type: 'image', source: { type: 'base64', media_type: 'image/png', data: 'aGVsbG8=' } },
      {
        type: 'document',
        source: { type: 'base64', media_type: 'application/pdf', data: 'aGVsbG8=' },
        title: 'report 2024 pdf',
      },
      {
        type: 'document',
        source: { type: 'text', media_type: 'text/plain', data: 'hello' },
        title: 'Document',
      },
    ]);
  });

  it('sends media tool results as an image block followed by their caption', () => {
    const { messages } = convert([
      {
        role: 'tool',
        content: [
          {
            type: 'tool-result',
            toolCallId: 't',
            output: { type: 'media', data: 'AAAA', mediaType: 'image/png', text: 'shot' },
          },
        ],
      },
    ]);
    expect(messages[0]?.content[0]).toEqual({
      type: 'tool_result',
      tool_use_id: 't',
      content: [
        { type: 'image', source: { type: 'base64', media_type: 'image/png', data: 'AAAA' } },
        { type: 'text', text: 'shot' },
      ],
    });
  });

  it('sends reasoning back only with its signature or redacted data, never with cache control', () => {
    const { messages, warnings } = convert([
      {
        role: 'assistant',
        content: [
          { type: 'reasoning', text: 'thought', providerOptions: { anthropic: { signature: 'sig' } } },
          { type: 'reasoning', text: '', providerOptions: { anthropic: { redactedData: 'red' } } },
          { type: 'reasoning', text: 'unsigned' },
          { type: 'text', text: 'answer' },
        ],
        providerOptions: cache,
      },
    ]);
    expect(messages[0]?.content).toEqual([
      { type: 'thinking', thinking: 'thought', signature: 'sig' },
      { type: 'redacted_thinking', data: 'red' },
      { type: 'text', text: 'answer', cache_control: { type: 'ephemeral' } },
    ]);
    expect(warnings).toHaveLength(1);
  });

  it('drops reasoning with a warning when sendReasoning is off, and an assistant turn left empty', () => {
    const { messages, warnings } = convert(
      [
        { role: 'user', content: [{ type: 'text', text: 'q' }] },
        {
          role: 'assistant',
          content: [{ type: 'reasoning', text: 't', providerOptions: { anthropic: { signature: 's' } } }],
        },
      ],
      false,
    );
    expect(messages).toHaveLength(1);
    expect(warnings).toHaveLength(2);
  });

  it('replays a provider-executed web search with encrypted content and page age', () => {
    const { messages } = convert([
      {
        role: 'assistant',
        content: [
          {
            type: 'tool-call',
            toolCallId: 'srv',
            toolName: 'web_search',
            input: '{"query":"tokyo"}',
            providerExecuted: true,
          },
          {
            type: 'tool-result',
            toolCallId: 'srv',
            toolName: 'web_search',
            providerExecuted: true,
            output: { type: 'text', text: '' },
            providerOptions: {
              anthropic: {
                results: [
                  { url: 'https://a', title: 'A', encryptedContent: 'e', pageAge: '2 days ago' },
                  { url: 'https://b', title: 'B', encryptedContent: 'f' },
                ],
              },
            },
          },
          { type: 'text', text: 'Tokyo is big' },
        ],
      },
    ]);
    expect(messages[0]?.content).toEqual([
      { type: 'server_tool_use', id: 'srv', name: 'web_search', input: { query: 'tokyo' } },
      {
        type: 'web_search_tool_result',
        tool_use_id: 'srv',
        content: [
          {
            type: 'web_search_result',
            url: 'https://a',
            title: 'A',
            encrypted_content: 'e',
            page_age: '2 days ago',
          },
          { type: 'web_search_result', url: 'https://b', title: 'B', encrypted_content: 'f' },
        ],
      },
      { type: 'text', text: 'Tokyo is big' },
    ]);
  });

  it('sends a malformed tool call input as {} so the call still pairs with its result', () => {
    const { messages, warnings } = convert([
      { role: 'assistant', content: [{ type: 'tool-call', toolCallId: 't', toolName: 'x', input: '{"a":' }] },
    ]);
    expect(messages[0]?.content[0]).toEqual({ type: 'tool_use', id: 't', name: 'x', input: {} });
    expect(warnings).toHaveLength(1);
  });

  it('uses only the first run of system messages', () => {
    const { system } = convert([
      { role: 'system', content: [{ type: 'text', text: 'one' }] },
      { role: 'user', content: [{ type: 'text', text: 'q' }] },
      { role: 'system', content: [{ type: 'text', text: 'two' }] },
    ]);
    expect(system).toEqual([{ type: 'text', text: 'one' }]);
  });

  it('titles documents like Fantasy', () => {
    expect(documentTitle('my report (v2) [final].pdf')).toBe('my report (v2) [final] pdf');
    expect(documentTitle('***')).toBe('Document');
    expect(documentTitle(undefined)).toBe('Document');
  });
});
