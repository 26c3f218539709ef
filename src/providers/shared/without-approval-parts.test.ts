import { describe, expect, it } from 'vitest';
import { type Message, userMessage } from '../../spec/message.js';
import { convertToAnthropicMessages } from '../anthropic/convert-to-anthropic-messages.js';
import { convertToGoogleContents } from '../google/convert-to-google-contents.js';
import { convertToOpenAIChatMessages } from '../openai/convert-to-openai-chat-messages.js';
import { convertToOpenAIResponsesInput } from '../openai/responses/convert-to-openai-responses-input.js';
import { convertToGatewayChatMessages } from './gateway/convert-to-gateway-chat-messages.js';
import { withoutApprovalParts } from './without-approval-parts.js';

const request = {
  type: 'tool-approval-request',
  approvalId: 'approval-c1',
  toolCallId: 'c1',
  toolName: 'remove',
  input: '{"path":"/tmp/x"}',
} as const;

/** A resumed history: one call ran at once, the other waited for approval, was approved and ran. */
const withApprovals: Message[] = [
  userMessage('Clean up'),
  {
    role: 'assistant',
    content: [
      { type: 'text', text: 'On it.' },
      { type: 'tool-call', toolCallId: 'c1', toolName: 'remove', input: '{"path":"/tmp/x"}' },
      { type: 'tool-call', toolCallId: 'c2', toolName: 'list', input: '{}' },
      request,
    ],
  },
  {
    role: 'tool',
    content: [
      { type: 'tool-result', toolCallId: 'c2', toolName: 'list', output: { type: 'text', text: 'x' } },
    ],
  },
  {
    role: 'tool',
    content: [
      { type: 'tool-approval-response', approvalId: 'approval-c1', toolCallId: 'c1', approved: true },
    ],
  },
  {
    role: 'tool',
    content: [
      {
        type: 'tool-result',
        toolCallId: 'c1',
        toolName: 'remove',
        output: { type: 'text', text: 'removed' },
      },
    ],
  },
];

/** The same history as a provider should see it. */
const withoutApprovals: Message[] = [
  withApprovals[0] as Message,
  { role: 'assistant', content: (withApprovals[1] as Message).content.slice(0, 3) },
  withApprovals[2] as Message,
  withApprovals[4] as Message,
];

describe('withoutApprovalParts', () => {
  it('removes client approval parts and the messages left empty', () => {
    expect(withoutApprovalParts(withApprovals)).toEqual(withoutApprovals);
  });

  it('returns the prompt itself when it has no approval part', () => {
    expect(withoutApprovalParts(withoutApprovals)).toBe(withoutApprovals);
  });

  it('keeps provider-executed approvals only when asked to', () => {
    const providerSide: Message[] = [
      { role: 'assistant', content: [{ ...request, providerExecuted: true }] },
      {
        role: 'tool',
        content: [
          {
            type: 'tool-approval-response',
            approvalId: 'mcpr_1',
            toolCallId: 'c1',
            approved: true,
            providerExecuted: true,
          },
        ],
      },
    ];
    expect(withoutApprovalParts(providerSide)).toEqual([]);
    expect(withoutApprovalParts(providerSide, { keepProviderExecuted: true })).toBe(providerSide);
  });
});

describe('every prompt converter sends a history with approvals as if it had none', () => {
  const converters: Record<string, (prompt: Message[]) => unknown> = {
    'OpenAI chat completions': (prompt) => convertToOpenAIChatMessages(prompt),
    'OpenRouter and Vercel gateways': (prompt) =>
      convertToGatewayChatMessages(prompt, {
        modelId: 'anthropic/claude-haiku-4.5',
        imageDetailKey: 'openrouter',
        xaiResponses: false,
      }),
    'Anthropic and Bedrock': (prompt) => convertToAnthropicMessages(prompt, { sendReasoning: true }),
    'Gemini and Vertex': (prompt) =>
      convertToGoogleContents(prompt, { omitFunctionCallIds: false, systemInFirstUserTurn: false }),
    'OpenAI Responses': (prompt) =>
      convertToOpenAIResponsesInput(prompt, { systemMessageMode: 'system', store: false }),
  };

  for (const [name, convert] of Object.entries(converters)) {
    it(`${name}: same request, no extra warnings`, () => {
      expect(convert(withApprovals)).toEqual(convert(withoutApprovals));
    });
  }

  it('OpenAI Responses sends a provider-executed approval response as mcp_approval_response', () => {
    const { input, warnings } = convertToOpenAIResponsesInput(
      [
        {
          role: 'tool',
          content: [
            {
              type: 'tool-approval-response',
              approvalId: 'mcpr_1',
              toolCallId: 'c1',
              approved: true,
              providerExecuted: true,
            },
          ],
        },
      ],
      { systemMessageMode: 'system', store: false },
    );
    expect(warnings).toEqual([]);
    expect(input).toEqual([{ type: 'mcp_approval_response', approval_request_id: 'mcpr_1', approve: true }]);
  });
});
