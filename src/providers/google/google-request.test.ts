import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../errors/invalid-argument-error.js';
import type { CallOptions } from '../../spec/call-options.js';
import { userMessage } from '../../spec/message.js';
import type { FunctionTool } from '../../spec/tool.js';
import { buildGoogleRequest } from './google-request.js';

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

function build(call: Partial<CallOptions>, modelId = 'gemini-2.5-flash') {
  return buildGoogleRequest({ modelId, call: { prompt: [userMessage('hi')], ...call }, vertex: false });
}

describe('buildGoogleRequest', () => {
  it('raises a thinking budget under 128 to 128 with a warning, and leaves the caller options untouched', () => {
    const thinkingConfig = { thinkingBudget: 100, includeThoughts: true };
    const { body, warnings } = build({ providerOptions: { google: { thinkingConfig } } });
    expect(body.generationConfig).toEqual({ thinkingConfig: { includeThoughts: true, thinkingBudget: 128 } });
    expect(warnings).toEqual([
      expect.objectContaining({ type: 'unsupported-setting', details: expect.stringContaining('128') }),
    ]);
    expect(thinkingConfig.thinkingBudget).toBe(100);
  });

  it('keeps a budget of 0 (off) and -1 (dynamic) as given', () => {
    for (const thinkingBudget of [0, -1]) {
      const { body, warnings } = build({
        providerOptions: { google: { thinkingConfig: { thinkingBudget } } },
      });
      expect(body.generationConfig).toEqual({ thinkingConfig: { thinkingBudget } });
      expect(warnings).toEqual([]);
    }
  });

  it('omits includeThoughts when false and sends a thinking level as given', () => {
    const { body } = build({
      providerOptions: { google: { thinkingConfig: { thinkingLevel: 'HIGH', includeThoughts: false } } },
    });
    expect(body.generationConfig).toEqual({ thinkingConfig: { thinkingLevel: 'HIGH' } });
  });

  it('rejects a thinking budget together with a thinking level', () => {
    expect(() =>
      build({
        providerOptions: { google: { thinkingConfig: { thinkingLevel: 'LOW', thinkingBudget: 1024 } } },
      }),
    ).toThrow(InvalidArgumentError);
  });

  it('sends sampling settings in generationConfig, and safety settings and cached content at the top', () => {
    const { body } = build({
      maxOutputTokens: 4000,
      temperature: 0.2,
      topK: 40,
      topP: 0.9,
      presencePenalty: 0.1,
      frequencyPenalty: 0.3,
      providerOptions: {
        google: {
          cachedContent: 'cachedContents/abc',
          safetySettings: [{ category: 'HARM_CATEGORY_HATE_SPEECH', threshold: 'BLOCK_ONLY_HIGH' }],
          threshold: 'BLOCK_NONE',
        },
      },
    });
    expect(body).toEqual({
      contents: [{ role: 'user', parts: [{ text: 'hi' }] }],
      generationConfig: {
        maxOutputTokens: 4000,
        temperature: 0.2,
        topK: 40,
        topP: 0.9,
        presencePenalty: 0.1,
        frequencyPenalty: 0.3,
      },
      cachedContent: 'cachedContents/abc',
      safetySettings: [{ category: 'HARM_CATEGORY_HATE_SPEECH', threshold: 'BLOCK_ONLY_HIGH' }],
    });
  });

  it('maps each tool choice to a function calling mode', () => {
    const modes = (['auto', 'none', 'required', { type: 'tool', toolName: 'weather' }] as const).map(
      (toolChoice) => build({ tools: [weather], toolChoice }).body.toolConfig,
    );
    expect(modes).toEqual([
      { functionCallingConfig: { mode: 'AUTO' } },
      { functionCallingConfig: { mode: 'NONE' } },
      { functionCallingConfig: { mode: 'ANY' } },
      { functionCallingConfig: { mode: 'ANY', allowedFunctionNames: ['weather'] } },
    ]);
  });

  it('sends no tools and no tool config without function tools, warning about provider-defined ones', () => {
    const { body, warnings } = build({
      tools: [{ type: 'provider-defined', id: 'anthropic.computer', name: 'computer', args: {} }],
      toolChoice: 'auto',
    });
    expect(body.tools).toBeUndefined();
    expect(body.toolConfig).toBeUndefined();
    expect(warnings).toEqual([expect.objectContaining({ type: 'unsupported-tool' })]);
  });

  it('declares a tool without arguments with no parameters, and warns about schema keywords it drops', () => {
    const { body, warnings } = build({
      tools: [
        {
          type: 'function',
          name: 'now',
          description: 'The time',
          inputSchema: { type: 'object', properties: {} },
        },
        {
          type: 'function',
          name: 'mail',
          description: 'Send mail',
          inputSchema: { type: 'object', properties: { to: { type: 'string', format: 'email' } } },
        },
      ],
    });
    expect(body.tools).toEqual([
      {
        functionDeclarations: [
          { name: 'now', description: 'The time' },
          {
            name: 'mail',
            description: 'Send mail',
            parameters: { type: 'OBJECT', properties: { to: { type: 'STRING' } } },
          },
        ],
      },
    ]);
    expect(warnings).toEqual([
      expect.objectContaining({
        type: 'unsupported-setting',
        setting: 'inputSchema',
        details: expect.stringContaining('tool mail: format at /properties/to was dropped'),
      }),
    ]);
  });

  it('asks for JSON with the response format schema passed unchanged', () => {
    const schema = { type: 'object', properties: { name: { type: 'string' } }, required: ['name'] };
    const { body } = build({
      maxOutputTokens: 4000,
      responseFormat: { type: 'json', schema, name: 'Person' },
    });
    expect(body.generationConfig).toEqual({
      maxOutputTokens: 4000,
      responseMimeType: 'application/json',
      responseJsonSchema: schema,
    });
  });

  it('sends no generationConfig when nothing sets one', () => {
    expect(build({}).body).toEqual({ contents: [{ role: 'user', parts: [{ text: 'hi' }] }] });
  });
});
