import { describe, expect, it } from 'vitest';
import { executableProviderTool } from '../../agent/executable-provider-tool.js';
import { textResponse } from '../../agent/tool-response.js';
import { InvalidArgumentError } from '../../errors/invalid-argument-error.js';
import { computerUseTool } from './computer-use.js';
import { computerUseResult, isComputerUseTool } from './computer-use-result.js';
import { convertToAnthropicMessages } from './convert-to-anthropic-messages.js';
import { webSearchTool } from './index.js';

const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47]);
const computer = computerUseTool({
  displayWidthPx: 1024,
  displayHeightPx: 768,
  toolVersion: 'computer_20250124',
});

describe('computer use helpers', () => {
  it('builds a result from a screenshot and text, sent to Anthropic as an image with its caption', () => {
    const result = computerUseResult({ toolCallId: 'toolu_1', screenshot: png, text: 'Clicked Save' });
    expect(result).toEqual({
      type: 'tool-result',
      toolCallId: 'toolu_1',
      toolName: 'computer',
      output: { type: 'media', data: 'iVBORw==', mediaType: 'image/png', text: 'Clicked Save' },
    });
    const { messages } = convertToAnthropicMessages([{ role: 'tool', content: [result] }], {
      sendReasoning: true,
    });
    expect(messages[0]?.content).toEqual([
      {
        type: 'tool_result',
        tool_use_id: 'toolu_1',
        content: [
          { type: 'image', source: { type: 'base64', media_type: 'image/png', data: 'iVBORw==' } },
          { type: 'text', text: 'Clicked Save' },
        ],
      },
    ]);
  });

  it('builds a text-only result and an error result', () => {
    expect(computerUseResult({ toolCallId: 't', text: 'typed hello' }).output).toEqual({
      type: 'text',
      text: 'typed hello',
    });
    expect(computerUseResult({ toolCallId: 't', text: 'no display', isError: true }).output).toEqual({
      type: 'error',
      error: 'no display',
    });
  });

  it('rejects a result with neither screenshot nor text', () => {
    expect(() => computerUseResult({ toolCallId: 't' })).toThrow(InvalidArgumentError);
    expect(() => computerUseResult({ toolCallId: 't', screenshot: new Uint8Array() })).toThrow(
      InvalidArgumentError,
    );
  });

  it('recognises the computer use tool, bare or executable, and nothing else', () => {
    expect(isComputerUseTool(computer)).toBe(true);
    expect(isComputerUseTool(executableProviderTool(computer, async () => textResponse('ok')))).toBe(true);
    expect(isComputerUseTool(webSearchTool())).toBe(false);
    expect(isComputerUseTool({ type: 'function', name: 'computer' })).toBe(false);
    expect(isComputerUseTool(undefined)).toBe(false);
  });
});
