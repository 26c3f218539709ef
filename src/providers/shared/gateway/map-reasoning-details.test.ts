import { describe, expect, it } from 'vitest';
import { mapReasoningDetails } from './map-reasoning-details.js';

const openRouterRules = { readPlainReasoning: false, keepEmptyReasoning: true };
const vercelRules = { readPlainReasoning: true, keepEmptyReasoning: false };

describe('mapping a message’s reasoning_details', () => {
  it('addresses Responses blocks by index, so xAI summary and encrypted item become two parts', () => {
    const content = mapReasoningDetails(
      {
        reasoning: 'ignored',
        reasoning_details: [
          { type: 'reasoning.summary', summary: 'The user asked', format: 'xai-responses-v1', index: 0 },
          { type: 'reasoning.encrypted', data: 'ENC', id: 'rs_1', format: 'xai-responses-v1', index: 1 },
        ],
      },
      openRouterRules,
    );
    expect(content).toEqual([
      {
        type: 'reasoning',
        text: 'The user asked',
        providerMetadata: { openai: { itemId: '', summary: ['The user asked'] } },
      },
      {
        type: 'reasoning',
        text: '',
        providerMetadata: { openai: { itemId: 'rs_1', encryptedContent: 'ENC', summary: [] } },
      },
    ]);
  });

  it('puts summary and encrypted content of one OpenAI item (same index) in one part', () => {
    const [part] = mapReasoningDetails(
      {
        reasoning_details: [
          { type: 'reasoning.summary', summary: 'Plan', format: 'openai-responses-v1', index: 0 },
          { type: 'reasoning.encrypted', data: 'ENC', id: 'rs_2', format: 'openai-responses-v1', index: 0 },
        ],
      },
      vercelRules,
    );
    expect(part).toEqual({
      type: 'reasoning',
      text: 'Plan',
      providerMetadata: { openai: { itemId: 'rs_2', encryptedContent: 'ENC', summary: ['Plan'] } },
    });
  });

  it('orders families as Fantasy does: Responses, Anthropic, Gemini, then other formats', () => {
    const content = mapReasoningDetails(
      {
        reasoning_details: [
          { type: 'reasoning.text', text: 'plain', format: 'unknown', index: 0 },
          { type: 'reasoning.encrypted', data: 'GSIG', id: 'tool_1', format: 'google-gemini-v1', index: 0 },
          {
            type: 'reasoning.text',
            text: 'claude',
            signature: 'ASIG',
            format: 'anthropic-claude-v1',
            index: 0,
          },
          { type: 'reasoning.summary', summary: 'gpt', format: 'openai-responses-v1', index: 0 },
        ],
      },
      openRouterRules,
    );
    expect(content.map((part) => [part.text, Object.keys(part.providerMetadata ?? {})])).toEqual([
      ['gpt', ['openai']],
      ['claude', ['anthropic']],
      ['', ['google']],
      ['plain', []],
    ]);
    expect(content[1]?.providerMetadata).toEqual({ anthropic: { signature: 'ASIG' } });
    expect(content[2]?.providerMetadata).toEqual({ google: { thoughtSignature: 'GSIG', toolId: 'tool_1' } });
  });

  it('keeps empty plain reasoning on OpenRouter, drops it on Vercel, and reads `reasoning` only on Vercel', () => {
    const empty = { reasoning_details: [{ type: 'reasoning.text', format: 'unknown', index: 0 }] };
    expect(mapReasoningDetails(empty, openRouterRules)).toEqual([{ type: 'reasoning', text: '' }]);
    expect(mapReasoningDetails(empty, vercelRules)).toEqual([]);
    expect(mapReasoningDetails({ reasoning: 'Hmm' }, vercelRules)).toEqual([
      { type: 'reasoning', text: 'Hmm' },
    ]);
    expect(mapReasoningDetails({ reasoning: 'Hmm' }, openRouterRules)).toEqual([]);
  });
});
