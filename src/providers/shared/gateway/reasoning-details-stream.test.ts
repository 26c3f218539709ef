import { describe, expect, it } from 'vitest';
import type { StreamPart } from '../../../spec/stream-part.js';
import type { ChatDelta } from '../../openai/openai-chat-api.js';
import type { GatewayReasoningRules } from './gateway-reasoning-rules.js';
import { createReasoningDetailsStream } from './reasoning-details-stream.js';

const openRouterRules: GatewayReasoningRules = { readPlainReasoning: false, keepEmptyReasoning: true };
const vercelRules: GatewayReasoningRules = { readPlainReasoning: true, keepEmptyReasoning: false };

/** Runs deltas through a fresh reducer, then ends the stream; returns every part. */
function reduce(deltas: ChatDelta[], rules = openRouterRules): StreamPart[] {
  const stream = createReasoningDetailsStream(rules);
  const parts: StreamPart[] = [];
  for (const delta of deltas) stream.reduce(delta, parts);
  stream.finish(parts);
  return parts;
}

function textOf(parts: StreamPart[]): string {
  return parts.map((part) => (part.type === 'reasoning-delta' ? part.delta : '')).join('');
}

const unknown = (text: string): ChatDelta => ({
  reasoning: text,
  reasoning_details: [{ type: 'reasoning.text', text, format: 'unknown', index: 0 }],
});

describe('the reasoning_details stream reducer', () => {
  it('keeps the first streamed token of unknown-format reasoning and ends the block when tool calls begin', () => {
    const parts = reduce([
      unknown('The'),
      unknown(' user'),
      { tool_calls: [{ index: 0, id: 'call', type: 'function', function: { name: 'weather' } }] },
    ]);
    expect(parts.map((part) => part.type)).toEqual([
      'reasoning-start',
      'reasoning-delta',
      'reasoning-delta',
      'reasoning-end',
    ]);
    expect(textOf(parts)).toBe('The user');
    expect(parts.at(-1)).toEqual({ type: 'reasoning-end', id: 'reasoning-0' });
  });

  it('accumulates Responses summaries by index and ends the item on its encrypted content', () => {
    const summary = (text: string, index = 0): ChatDelta => ({
      reasoning_details: [{ type: 'reasoning.summary', summary: text, format: 'xai-responses-v1', index }],
    });
    const parts = reduce([
      summary('First'),
      summary(' part'),
      summary('Second', 1),
      {
        reasoning_details: [
          { type: 'reasoning.encrypted', data: 'ENC', id: 'rs_1', format: 'xai-responses-v1', index: 0 },
        ],
      },
      { content: 'Hi' },
    ]);
    expect(textOf(parts)).toBe('First part\nSecond');
    expect(parts.filter((part) => part.type === 'reasoning-end')).toEqual([
      {
        type: 'reasoning-end',
        id: 'reasoning-0',
        providerMetadata: {
          openai: { itemId: 'rs_1', encryptedContent: 'ENC', summary: ['First part', 'Second'] },
        },
      },
    ]);
  });

  it('starts and ends a Responses item that has only encrypted content at once', () => {
    const parts = reduce([
      {
        reasoning_details: [
          { type: 'reasoning.encrypted', data: 'ENC', id: 'rs_2', format: 'openai-responses-v1', index: 0 },
        ],
      },
    ]);
    expect(parts).toEqual([
      { type: 'reasoning-start', id: 'reasoning-0' },
      {
        type: 'reasoning-end',
        id: 'reasoning-0',
        providerMetadata: { openai: { itemId: 'rs_2', encryptedContent: 'ENC', summary: [] } },
      },
    ]);
  });

  it('keeps Anthropic thinking open past tool calls until its signature arrives', () => {
    const thinking = (text: string, signature?: string): ChatDelta => ({
      reasoning_details: [
        {
          type: 'reasoning.text',
          text,
          format: 'anthropic-claude-v1',
          index: 0,
          ...(signature ? { signature } : {}),
        },
      ],
    });
    const parts = reduce([
      thinking('Let me'),
      { tool_calls: [{ index: 0, id: 'call', type: 'function', function: { name: 'weather' } }] },
      thinking(' check', ''),
      thinking('', 'SIG'),
    ]);
    expect(textOf(parts)).toBe('Let me check');
    expect(parts.at(-1)).toEqual({
      type: 'reasoning-end',
      id: 'reasoning-0',
      providerMetadata: { anthropic: { signature: 'SIG' } },
    });
    expect(parts.filter((part) => part.type === 'reasoning-end')).toHaveLength(1);
  });

  it('turns a Gemini signature that follows text into its own block with the tool call id', () => {
    const parts = reduce([
      { content: 'Hello' },
      {
        reasoning_details: [
          { type: 'reasoning.encrypted', data: 'SIG', id: 'tool_1', format: 'google-gemini-v1', index: 0 },
        ],
      },
    ]);
    expect(parts).toEqual([
      { type: 'reasoning-start', id: 'reasoning-0' },
      {
        type: 'reasoning-end',
        id: 'reasoning-0',
        providerMetadata: { google: { thoughtSignature: 'SIG', toolId: 'tool_1' } },
      },
    ]);
  });

  it('gives Gemini thought text Google metadata with an empty signature when the body ends first', () => {
    const parts = reduce([
      {
        reasoning_details: [
          { type: 'reasoning.text', text: 'Thinking', format: 'google-gemini-v1', index: 0 },
        ],
      },
    ]);
    expect(parts.at(-1)).toEqual({
      type: 'reasoning-end',
      id: 'reasoning-0',
      providerMetadata: { google: { thoughtSignature: '' } },
    });
  });

  it('reads plain reasoning without details for Vercel but not for OpenRouter', () => {
    const deltas: ChatDelta[] = [{ reasoning: 'Hmm' }, { content: 'Answer' }];
    expect(textOf(reduce(deltas, vercelRules))).toBe('Hmm');
    expect(reduce(deltas, openRouterRules)).toEqual([]);
  });

  it('numbers successive blocks and starts a new one when the family changes', () => {
    const parts = reduce([
      unknown('a'),
      {
        reasoning_details: [
          { type: 'reasoning.encrypted', data: 'SIG', format: 'google-gemini-v1', index: 0 },
        ],
      },
    ]);
    expect(parts.filter((part) => part.type === 'reasoning-start').map((part) => part.id)).toEqual([
      'reasoning-0',
      'reasoning-1',
    ]);
  });
});
