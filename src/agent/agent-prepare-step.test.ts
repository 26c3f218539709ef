import { describe, expect, it } from 'vitest';
import { toolCall, valueTool } from '../../test/support/agent-fixtures.js';
import type { GenerateResult } from '../spec/generate-result.js';
import { type Message, systemMessage, userMessage } from '../spec/message.js';
import { MockLanguageModel } from '../testing/mock-language-model.js';
import type { AgentSettings, PrepareStepOptions } from './agent-options.js';
import { createAgent } from './create-agent.js';

const done: Partial<GenerateResult> = { content: [{ type: 'text', text: 'done' }] };

function setup(settings: AgentSettings = {}) {
  const model = new MockLanguageModel({ generate: done });
  const agent = createAgent(model, { tools: [valueTool('tool1'), valueTool('tool2')], ...settings });
  return { model, agent, sent: () => model.calls[0] };
}

describe('prepareStep', () => {
  it('starts at step 0 and its system prompt is what the model sees', async () => {
    const seen: PrepareStepOptions[] = [];
    const { agent, sent } = setup({
      system: 'Original',
      prepareStep: (options) => {
        seen.push(options);
        return { system: `Modified system prompt for step ${options.stepNumber}` };
      },
    });
    await agent.generate({ prompt: 'Hi' });
    expect(seen[0]?.stepNumber).toBe(0);
    expect(sent()?.prompt).toEqual([systemMessage('Modified system prompt for step 0'), userMessage('Hi')]);
  });

  it('inserts the system prompt when the agent has none instead of overwriting the first message', async () => {
    const { agent, sent } = setup({ prepareStep: () => ({ system: 'Be brief' }) });
    await agent.generate({ prompt: 'Hi' });
    expect(sent()?.prompt).toEqual([systemMessage('Be brief'), userMessage('Hi')]);
  });

  it('removes the system message when the override is empty', async () => {
    const { agent, sent } = setup({ system: 'Original', prepareStep: () => ({ system: '' }) });
    await agent.generate({ prompt: 'Hi' });
    expect(sent()?.prompt).toEqual([userMessage('Hi')]);
  });

  it('applies a system override to one step only', async () => {
    const model = new MockLanguageModel({
      generate: [{ content: [toolCall('1', 'tool1', '{"value":"a"}')], finishReason: 'tool-calls' }, done],
    });
    const agent = createAgent(model, {
      tools: [valueTool('tool1')],
      prepareStep: ({ stepNumber }) => (stepNumber === 0 ? { system: 'First step only' } : undefined),
    });
    await agent.generate({ prompt: 'Hi' });
    expect(model.calls[0]?.prompt[0]).toEqual(systemMessage('First step only'));
    expect(model.calls[1]?.prompt[0]).toEqual(userMessage('Hi'));
  });

  it('sends a tool choice override of none', async () => {
    const { agent, sent } = setup({ prepareStep: () => ({ toolChoice: 'none' }) });
    await agent.generate({ prompt: 'Hi' });
    expect(sent()?.toolChoice).toBe('none');
  });

  it('sends only the tools of an active tools override', async () => {
    const { agent, sent } = setup({ prepareStep: () => ({ activeTools: ['tool2'] }) });
    await agent.generate({ prompt: 'Hi' });
    expect(sent()?.tools?.map((sent) => sent.name)).toEqual(['tool2']);
  });

  it('sends no tools when all tools are disabled', async () => {
    const { agent, sent } = setup({ prepareStep: () => ({ disableAllTools: true }) });
    await agent.generate({ prompt: 'Hi' });
    expect(sent()?.tools).toEqual([]);
  });

  it('applies system, a specific tool choice and active tools together', async () => {
    const { agent, sent } = setup({
      prepareStep: () => ({
        system: 'Use tool1',
        toolChoice: { type: 'tool', toolName: 'tool1' },
        activeTools: ['tool1'],
      }),
    });
    await agent.generate({ prompt: 'Hi' });
    expect(sent()?.prompt[0]).toEqual(systemMessage('Use tool1'));
    expect(sent()?.toolChoice).toEqual({ type: 'tool', toolName: 'tool1' });
    expect(sent()?.tools?.map((sent) => sent.name)).toEqual(['tool1']);
  });

  it('falls back to the agent system, auto and all tools when it overrides nothing', async () => {
    const { agent, sent } = setup({ system: 'Agent system', prepareStep: () => ({}) });
    await agent.generate({ prompt: 'Hi' });
    expect(sent()?.prompt[0]).toEqual(systemMessage('Agent system'));
    expect(sent()?.toolChoice).toBe('auto');
    expect(sent()?.tools?.map((sent) => sent.name)).toEqual(['tool1', 'tool2']);
  });

  it('treats an empty active tools override as all tools', async () => {
    const { agent, sent } = setup({ prepareStep: () => ({ activeTools: [] }) });
    await agent.generate({ prompt: 'Hi' });
    expect(sent()?.tools?.map((sent) => sent.name)).toEqual(['tool1', 'tool2']);
  });

  it('replaces the model, the messages and the tools for the step', async () => {
    const other = new MockLanguageModel({ generate: done });
    const messages: Message[] = [userMessage('Rewritten')];
    const { model, agent } = setup({
      prepareStep: () => ({ model: other, messages, tools: [valueTool('only')] }),
    });
    await agent.generate({ prompt: 'Hi' });
    expect(model.calls).toHaveLength(0);
    expect(other.calls[0]?.prompt).toEqual(messages);
    expect(other.calls[0]?.tools?.map((sent) => sent.name)).toEqual(['only']);
  });

  it('sees the steps so far and the messages the step would send', async () => {
    const seen: { steps: number; roles: string[] }[] = [];
    const model = new MockLanguageModel({
      generate: [{ content: [toolCall('1', 'tool1', '{"value":"a"}')], finishReason: 'tool-calls' }, done],
    });
    const agent = createAgent(model, {
      tools: [valueTool('tool1')],
      prepareStep: ({ steps, messages }) => {
        seen.push({ steps: steps.length, roles: messages.map((message) => message.role) });
        return undefined;
      },
    });
    await agent.generate({ prompt: 'Hi' });
    expect(seen).toEqual([
      { steps: 0, roles: ['user'] },
      { steps: 1, roles: ['user', 'assistant', 'tool'] },
    ]);
  });

  it('lets the call prepareStep replace the agent one', async () => {
    const { agent, sent } = setup({ prepareStep: () => ({ toolChoice: 'none' }) });
    await agent.generate({ prompt: 'Hi', prepareStep: () => ({ toolChoice: 'required' }) });
    expect(sent()?.toolChoice).toBe('required');
  });

  it('rejects the run with the error prepareStep throws', async () => {
    const failure = new Error('no step for you');
    const { agent } = setup({
      prepareStep: () => {
        throw failure;
      },
    });
    await expect(agent.generate({ prompt: 'Hi' })).rejects.toBe(failure);
  });
});
