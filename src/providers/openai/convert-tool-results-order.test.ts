import { describe, expect, it } from 'vitest';
import type { CallWarning } from '../../spec/call-warning.js';
import type { MessagePart } from '../../spec/message.js';
import { convertToolResults } from './convert-to-openai-chat-messages.js';

describe('convertToolResults', () => {
  it('answers every call with a tool message before the user message that carries the media', () => {
    const parts: MessagePart[] = [
      {
        type: 'tool-result',
        toolCallId: 'a',
        output: { type: 'media', data: 'AAAA', mediaType: 'image/png', text: 'shot' },
      },
      { type: 'tool-result', toolCallId: 'b', output: { type: 'text', text: 'ok' } },
      {
        type: 'tool-result',
        toolCallId: 'c',
        output: { type: 'media', data: 'BBBB', mediaType: 'image/jpeg' },
      },
    ];
    const messages: Parameters<typeof convertToolResults>[1] = [];
    const warnings: CallWarning[] = [];
    convertToolResults(parts, messages, warnings);
    expect(messages.map((message) => message.role)).toEqual(['tool', 'tool', 'tool', 'user']);
    expect(messages[3]).toEqual({
      role: 'user',
      content: [
        { type: 'image_url', image_url: { url: 'data:image/png;base64,AAAA' } },
        { type: 'image_url', image_url: { url: 'data:image/jpeg;base64,BBBB' } },
      ],
    });
    expect(warnings).toEqual([]);
  });
});
