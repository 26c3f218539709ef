import { describe, expect, it } from 'vitest';
import { finishPart, toolCall, toolCallParts } from '../../test/support/agent-fixtures.js';
import { toolResultsOf } from '../spec/content.js';
import { MockLanguageModel } from '../testing/mock-language-model.js';
import { createAgent } from './create-agent.js';
import { tool } from './tool.js';
import { errorResponse, stopTurn, type ToolResponse } from './tool-response.js';

function finishingTool(response: ToolResponse) {
  return tool({
    name: 'finish',
    description: 'Ends',
    inputSchema: { type: 'object' },
    execute: () => response,
  });
}

const answer = { content: [{ type: 'text' as const, text: 'answer' }] };

describe('stopTurn', () => {
  it('ends the turn after the step, keeping the result in the step and the response (generate)', async () => {
    const model = new MockLanguageModel({
      generate: [{ content: [toolCall('1', 'finish', '{}')], finishReason: 'tool-calls' }, answer],
    });
    const result = await createAgent(model, {
      tools: [finishingTool(stopTurn(errorResponse('stop here')))],
    }).generate({
      prompt: 'Hi',
    });
    expect(model.calls).toHaveLength(1);
    expect(result.steps).toHaveLength(1);
    const [toolResult] = toolResultsOf(result.response.content);
    expect(toolResult).toMatchObject({ stopTurn: true, output: { type: 'error', error: 'stop here' } });
  });

  it('feeds an error result back without stopTurn', async () => {
    const model = new MockLanguageModel({
      generate: [{ content: [toolCall('1', 'finish', '{}')], finishReason: 'tool-calls' }, answer],
    });
    const result = await createAgent(model, { tools: [finishingTool(errorResponse('try again'))] }).generate({
      prompt: 'Hi',
    });
    expect(model.calls).toHaveLength(2);
    expect(result.steps).toHaveLength(2);
    expect(toolResultsOf(result.steps[0]?.content ?? [])[0]?.stopTurn).toBeUndefined();
  });

  it('ends the turn after the step in a streamed run', async () => {
    const model = new MockLanguageModel({
      stream: [[...toolCallParts('1', 'finish', '{}'), finishPart('tool-calls')], [finishPart('stop')]],
    });
    const results: unknown[] = [];
    const run = await createAgent(model, { tools: [finishingTool(stopTurn('done'))] }).stream({
      prompt: 'Hi',
      onToolResult: (toolResult) => void results.push(toolResult),
    });
    const result = await run.result;
    expect(model.calls).toHaveLength(1);
    expect(result.steps).toHaveLength(1);
    expect(results).toEqual([
      expect.objectContaining({ stopTurn: true, output: { type: 'text', text: 'done' } }),
    ]);
    expect(toolResultsOf(result.response.content)[0]?.stopTurn).toBe(true);
  });
});
