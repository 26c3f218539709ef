import { describe, expect, it } from 'vitest';
import { InvalidConversationError } from '../errors/invalid-conversation-error.js';
import type { GenerateResult } from '../spec/generate-result.js';
import type { Message } from '../spec/message.js';
import { fromFantasyJSON, toFantasyJSON } from './fantasy-messages.js';
import { responseFromFantasyJSON, responseToFantasyJSON } from './fantasy-response.js';
import { parseMessages, serializeMessages } from './serialize-messages.js';
import { parseResponse, serializeResponse } from './serialize-response.js';

/** A paused run's history, answered: client and provider-side requests and responses. */
function pausedHistory(): Message[] {
  return [
    {
      role: 'assistant',
      content: [
        { type: 'tool-call', toolCallId: 'c1', toolName: 'remove', input: '{"path":"/tmp/ü"}' },
        {
          type: 'tool-approval-request',
          approvalId: 'approval-c1',
          toolCallId: 'c1',
          toolName: 'remove',
          input: '{"path":"/tmp/ü"}',
        },
        {
          type: 'tool-approval-request',
          approvalId: 'mcpr_1',
          toolCallId: 'mcp_1',
          toolName: 'search',
          input: '{}',
          providerExecuted: true,
        },
      ],
    },
    {
      role: 'tool',
      content: [
        {
          type: 'tool-approval-response',
          approvalId: 'approval-c1',
          toolCallId: 'c1',
          approved: false,
          reason: 'not /tmp',
        },
        {
          type: 'tool-approval-response',
          approvalId: 'mcpr_1',
          toolCallId: 'mcp_1',
          approved: true,
          providerExecuted: true,
        },
      ],
    },
  ];
}

const pausedResponse: GenerateResult = {
  text: '',
  reasoningText: '',
  content: [
    { type: 'tool-call', toolCallId: 'c1', toolName: 'remove', input: '{}' },
    {
      type: 'tool-approval-request',
      approvalId: 'approval-c1',
      toolCallId: 'c1',
      toolName: 'remove',
      input: '{}',
    },
  ],
  finishReason: 'tool-calls',
  usage: {
    inputTokens: 1,
    outputTokens: 2,
    totalTokens: 3,
    reasoningTokens: 0,
    cacheCreationTokens: 0,
    cacheReadTokens: 0,
  },
  warnings: [],
};

describe('approval parts in our JSON', () => {
  it('round-trip messages and responses unchanged', () => {
    expect(parseMessages(serializeMessages(pausedHistory()))).toEqual(pausedHistory());
    expect(parseResponse(serializeResponse(pausedResponse))).toEqual(pausedResponse);
  });

  it('reject an approval response without its answer, naming the field', () => {
    const text = serializeMessages(pausedHistory()).replace('"approved":false,', '');
    expect(() => parseMessages(text)).toThrow(InvalidConversationError);
    expect(() => parseMessages(text)).toThrow(/approved/);
  });
});

describe('approval parts in Fantasy’s (Go) JSON', () => {
  it('are written as {type, data} envelopes with snake_case fields', () => {
    const [assistant, tool] = toFantasyJSON(pausedHistory());
    expect((assistant?.content as unknown[] | undefined)?.[1]).toEqual({
      type: 'tool-approval-request',
      data: {
        approval_id: 'approval-c1',
        tool_call_id: 'c1',
        tool_name: 'remove',
        input: '{"path":"/tmp/ü"}',
        provider_executed: false,
      },
    });
    expect((tool?.content as unknown[] | undefined)?.[0]).toEqual({
      type: 'tool-approval-response',
      data: {
        approval_id: 'approval-c1',
        tool_call_id: 'c1',
        approved: false,
        reason: 'not /tmp',
        provider_executed: false,
      },
    });
  });

  it('round-trip messages and responses through text', () => {
    expect(fromFantasyJSON(JSON.stringify(toFantasyJSON(pausedHistory())))).toEqual(pausedHistory());
    const response = JSON.stringify(responseToFantasyJSON(pausedResponse));
    expect(responseFromFantasyJSON(response)).toEqual(pausedResponse);
  });

  it('can be left out for a Go program, with the messages they leave empty', () => {
    const json = toFantasyJSON(pausedHistory(), { approvals: 'omit' });
    expect(json).toEqual([
      {
        role: 'assistant',
        content: [
          {
            type: 'tool-call',
            data: {
              tool_call_id: 'c1',
              tool_name: 'remove',
              input: '{"path":"/tmp/ü"}',
              provider_executed: false,
            },
          },
        ],
        provider_options: null,
      },
    ]);
  });
});
