import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../errors/invalid-argument-error.js';
import type { CallOptions } from '../../spec/call-options.js';
import type { FunctionTool } from '../../spec/tool.js';
import { buildAnthropicRequest, requiresAdaptiveThinking } from './anthropic-request.js';
import { webSearchTool } from './anthropic-web-search.js';
import { computerUseTool } from './computer-use.js';

const weather: FunctionTool = {
  type: 'function',
  name: 'weather',
  description: 'Get weather information for a location',
  inputSchema: {
    type: 'object',
    properties: { location: { type: 'string', description: 'the city' } },
    required: ['location'],
  },
};

function build(
  call: Partial<CallOptions>,
  options: { modelId?: string; bedrock?: boolean; stream?: boolean } = {},
) {
  return buildAnthropicRequest({
    modelId: options.modelId ?? 'claude-sonnet-4-20250514',
    call: { prompt: [{ role: 'user', content: [{ type: 'text', text: 'hi' }] }], ...call },
    stream: options.stream ?? false,
    supportsDisableParallelToolUse: !options.bedrock,
  });
}

describe('buildAnthropicRequest', () => {
  it('defaults max_tokens to 4096 and omits system when there is none', () => {
    const { body } = build({});
    expect(body).toEqual({
      model: 'claude-sonnet-4-20250514',
      max_tokens: 4096,
      messages: [{ role: 'user', content: [{ type: 'text', text: 'hi' }] }],
    });
  });

  it('sends auto tool choice with disable_parallel_tool_use false, as recorded', () => {
    const { body } = build({
      tools: [weather],
      toolChoice: 'auto',
      maxOutputTokens: 4000,
    });
    expect(body.tool_choice).toEqual({ type: 'auto', disable_parallel_tool_use: false });
    expect(body.tools).toEqual([
      {
        name: 'weather',
        description: 'Get weather information for a location',
        input_schema: {
          type: 'object',
          properties: { location: { type: 'string', description: 'the city' } },
          required: ['location'],
        },
      },
    ]);
  });

  it('omits disable_parallel_tool_use where the endpoint rejects it (Bedrock)', () => {
    const { body } = build({ tools: [weather], toolChoice: 'auto' }, { bedrock: true });
    expect(body.tool_choice).toEqual({ type: 'auto' });
  });

  it('maps required, none and a named tool choice', () => {
    expect(build({ tools: [weather], toolChoice: 'required' }).body.tool_choice).toEqual({
      type: 'any',
      disable_parallel_tool_use: false,
    });
    expect(build({ tools: [weather], toolChoice: 'none' }).body.tool_choice).toEqual({ type: 'none' });
    expect(
      build({ tools: [weather], toolChoice: { type: 'tool', toolName: 'weather' } }).body.tool_choice,
    ).toEqual({ type: 'tool', name: 'weather', disable_parallel_tool_use: false });
  });

  it('sends no tool_choice without a choice unless parallel tool use is disabled', () => {
    expect(build({ tools: [weather] }).body.tool_choice).toBeUndefined();
    const disabled = build({
      tools: [weather],
      providerOptions: { anthropic: { disableParallelToolUse: true } },
    });
    expect(disabled.body.tool_choice).toEqual({ type: 'auto', disable_parallel_tool_use: true });
  });

  it('drops tool_choice when there are no tools', () => {
    expect(build({ toolChoice: 'auto' }).body).not.toHaveProperty('tool_choice');
  });

  it('puts cache control from a tool’s options on the tool', () => {
    const cached = { ...weather, providerOptions: { anthropic: { cacheControl: { type: 'ephemeral' } } } };
    const tools = build({ tools: [cached] }).body.tools as Array<Record<string, unknown>>;
    expect(tools[0]?.cache_control).toEqual({ type: 'ephemeral' });
  });

  it('enables thinking with a budget and removes the sampling settings it rejects, with warnings', () => {
    const { body, warnings } = build({
      temperature: 0.5,
      topP: 0.9,
      topK: 3,
      providerOptions: { anthropic: { thinking: { budgetTokens: 4000 } } },
    });
    expect(body.thinking).toEqual({ type: 'enabled', budget_tokens: 4000 });
    expect(body).not.toHaveProperty('temperature');
    expect(body).not.toHaveProperty('top_p');
    expect(body).not.toHaveProperty('top_k');
    expect(warnings.map((warning) => warning.setting)).toEqual(['temperature', 'topP', 'topK']);
  });

  it('rejects a thinking budget of zero', () => {
    expect(() => build({ providerOptions: { anthropic: { thinking: { budgetTokens: 0 } } } })).toThrow(
      InvalidArgumentError,
    );
  });

  it('uses adaptive thinking for models that require it, and for an effort', () => {
    const opus = build(
      { providerOptions: { anthropic: { thinking: { budgetTokens: 2000 } } } },
      { modelId: 'claude-opus-4-7' },
    );
    expect(opus.body.thinking).toEqual({ type: 'adaptive', display: 'summarized' });
    const effort = build({ providerOptions: { anthropic: { effort: 'high', thinkingDisplay: 'omitted' } } });
    expect(effort.body.thinking).toEqual({ type: 'adaptive', display: 'omitted' });
    expect(effort.body.output_config).toEqual({ effort: 'high' });
  });

  it('tells dated model ids from Opus minor versions', () => {
    expect(requiresAdaptiveThinking('claude-opus-4-20250514')).toBe(false);
    expect(requiresAdaptiveThinking('claude-opus-4-6')).toBe(false);
    expect(requiresAdaptiveThinking('claude-opus-4-7')).toBe(true);
    expect(requiresAdaptiveThinking('us.anthropic.claude-opus-4-10-v1:0')).toBe(true);
    expect(requiresAdaptiveThinking('claude-mythos-preview')).toBe(true);
  });

  it('sends the web search tool with its settings in snake_case', () => {
    const { body } = build({
      tools: [webSearchTool({ maxUses: 3, allowedDomains: ['example.com'], userLocation: { city: 'Rome' } })],
      toolChoice: 'auto',
    });
    expect(body.tools).toEqual([
      {
        type: 'web_search_20250305',
        name: 'web_search',
        max_uses: 3,
        allowed_domains: ['example.com'],
        user_location: { type: 'approximate', city: 'Rome' },
      },
    ]);
  });

  it('sends the computer use tool with its beta flag', () => {
    const tool = computerUseTool({
      displayWidthPx: 1920,
      displayHeightPx: 1080,
      toolVersion: 'computer_20251124',
      enableZoom: true,
    });
    const { body, betaFlags } = build({ tools: [tool] });
    expect(body.tools).toEqual([
      {
        type: 'computer_20251124',
        name: 'computer',
        display_width_px: 1920,
        display_height_px: 1080,
        enable_zoom: true,
      },
    ]);
    expect(betaFlags).toEqual(['computer-use-2025-11-24']);
    expect(body).not.toHaveProperty('tool_choice');
  });

  it('skips provider tools it does not know, with a warning', () => {
    const { body, warnings } = build({
      tools: [{ type: 'provider-defined', id: 'openai.file_search', name: 'file_search', args: {} }],
    });
    expect(body).not.toHaveProperty('tools');
    expect(warnings[0]?.type).toBe('unsupported-tool');
  });

  it('merges extraBody at the top level and adds stream when streaming', () => {
    const { body } = build(
      { providerOptions: { anthropic: { extraBody: { metadata: { user_id: 'u' } } } } },
      { stream: true },
    );
    expect(body.metadata).toEqual({ user_id: 'u' });
    expect(body.stream).toBe(true);
  });
});
