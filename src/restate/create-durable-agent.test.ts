import { type Context, TerminalError } from '@restatedev/restate-sdk';
import { describe, expect, it } from 'vitest';
import { toolCall, valueTool } from '../../test/support/agent-fixtures.js';
import { tool } from '../agent/tool.js';
import { imageResponse } from '../agent/tool-response.js';
import { APICallError } from '../errors/api-call-error.js';
import { InvalidArgumentError } from '../errors/invalid-argument-error.js';
import { type Content, textOf } from '../spec/content.js';
import type { GenerateResult } from '../spec/generate-result.js';
import { MockLanguageModel } from '../testing/mock-language-model.js';
import type { PendingDurableApproval } from './await-approvals.js';
import { createDurableAgent } from './create-durable-agent.js';
import { journalSerde } from './journal-serde.js';

/** A journal as Restate keeps it: positional entries, each the serialized outcome of one `ctx.run`. */
type Journal = Array<{ name: string; bytes: Uint8Array }>;

/** Restate's default serde: JSON, with `undefined` as no bytes. */
const jsonSerde = {
  serialize: (value: unknown) => new TextEncoder().encode(value === undefined ? '' : JSON.stringify(value)),
  deserialize: (bytes: Uint8Array) =>
    bytes.length === 0 ? undefined : (JSON.parse(new TextDecoder().decode(bytes)) as unknown),
};

/**
 * Enough of a Restate context for the durable agent: `ctx.run` replays entries already in the journal (by
 * position, checking the name as Restate does) and runs and records the others; awakeables resolve with
 * the answers the test gives, by id, or never.
 */
function fakeContext(journal: Journal, answers: Record<string, unknown> = {}): Context {
  let position = 0;
  let awakeables = 0;
  const fake = {
    run: async (
      name: string,
      action: () => unknown,
      options?: {
        serde?: { serialize(value: unknown): Uint8Array; deserialize(bytes: Uint8Array): unknown };
      },
    ) => {
      const index = position++;
      const serde = options?.serde ?? jsonSerde;
      const entry = journal[index];
      if (entry !== undefined) {
        if (entry.name !== name) throw new Error(`journal mismatch at ${index}: ${entry.name} vs ${name}`);
        return serde.deserialize(entry.bytes);
      }
      const bytes = serde.serialize(await action());
      journal[index] = { name, bytes };
      return serde.deserialize(bytes);
    },
    awakeable: () => {
      const id = `awakeable-${awakeables++}`;
      return { id, promise: id in answers ? Promise.resolve(answers[id]) : new Promise(() => {}) };
    },
  };
  return fake as unknown as Context;
}

const done: Partial<GenerateResult> = { content: [{ type: 'text', text: 'done' }] };

function callingModel(...calls: Content[]) {
  return new MockLanguageModel({ generate: [{ content: calls, finishReason: 'tool-calls' }, done] });
}

describe('createDurableAgent', () => {
  it('journals every model call and tool execution, so a replay runs neither again', async () => {
    const journal: Journal = [];
    const firstTools = [valueTool('first'), valueTool('second')];
    const calls = [toolCall('c1', 'first', '{"value":"a"}'), toolCall('c2', 'second', '{"value":"b"}')];
    const firstModel = callingModel(...calls);
    const original = await createDurableAgent(fakeContext(journal), firstModel, {
      tools: firstTools,
    }).generate({
      prompt: 'Go',
    });
    expect(journal.map((entry) => entry.name)).toEqual([
      'model 0',
      'tool first c1',
      'tool second c2',
      'model 1',
    ]);

    const replayTools = [valueTool('first'), valueTool('second')];
    const replayModel = callingModel(...calls);
    const replayed = await createDurableAgent(fakeContext(journal), replayModel, {
      tools: replayTools,
    }).generate({
      prompt: 'Go',
    });
    expect(replayModel.calls).toHaveLength(0);
    expect(replayTools.map((agentTool) => agentTool.inputs)).toEqual([[], []]);
    expect(replayed.messages).toEqual(original.messages);
    expect(textOf(replayed.response.content)).toBe('done');
  });

  it('replays a tool result with bytes and a tool error exactly as they first came', async () => {
    const journal: Journal = [];
    const picture = tool({
      name: 'picture',
      description: 'A picture',
      inputSchema: { type: 'object', properties: {} },
      execute: () => imageResponse(new Uint8Array([0, 255, 7]), 'image/png'),
    });
    const broken = tool({
      name: 'broken',
      description: 'Fails',
      inputSchema: { type: 'object', properties: {} },
      execute: () => {
        throw new Error('disk full');
      },
    });
    const calls = [toolCall('p', 'picture', '{}'), toolCall('b', 'broken', '{}')];
    const run = () =>
      createDurableAgent(fakeContext(journal), callingModel(...calls), { tools: [picture, broken] }).generate(
        {
          prompt: 'Go',
        },
      );
    const first = await run();
    const replayed = await run();
    expect(replayed.messages).toEqual(first.messages);
    expect(first.messages[1]?.content).toEqual([
      expect.objectContaining({ output: { type: 'media', data: 'AP8H', mediaType: 'image/png' } }),
      expect.objectContaining({ output: { type: 'error', error: 'tool "broken" failed: disk full' } }),
    ]);
  });

  it('pauses on an awakeable per request, notifies once, and sends a denial to the model', async () => {
    const remove = Object.assign(valueTool('remove'), { needsApproval: () => true });
    const notified: PendingDurableApproval[][] = [];
    const model = callingModel(toolCall('c1', 'remove', '{"value":"/"}'));
    const ctx = fakeContext([], { 'awakeable-0': { approved: false, reason: 'never /' } });
    const result = await createDurableAgent(ctx, model, {
      tools: [remove],
      onApprovalRequest: (approvals) => void notified.push(approvals),
    }).generate({ prompt: 'Go' });

    expect(notified).toEqual([[expect.objectContaining({ awakeableId: 'awakeable-0' })]]);
    expect(remove.inputs).toEqual([]);
    expect(model.calls).toHaveLength(2);
    expect(model.calls[1]?.prompt.at(-1)?.content).toEqual([
      expect.objectContaining({
        type: 'tool-result',
        output: { type: 'error', error: 'The tool call was denied and did not run. Reason: never /' },
      }),
    ]);
    expect(result.messages.map((message) => message.role)).toEqual([
      'assistant',
      'tool',
      'tool',
      'assistant',
    ]);
    expect(result.steps).toHaveLength(2);
  });

  it('runs an approved call once its awakeable resolves', async () => {
    const remove = Object.assign(valueTool('remove'), { needsApproval: () => true });
    const ctx = fakeContext([], { 'awakeable-0': { approved: true } });
    const result = await createDurableAgent(ctx, callingModel(toolCall('c1', 'remove', '{"value":"a"}')), {
      tools: [remove],
      onApprovalRequest: () => {},
    }).generate({ prompt: 'Go' });
    expect(remove.inputs).toEqual([{ value: 'a' }]);
    expect(textOf(result.response.content)).toBe('done');
  });

  it('treats an answer it cannot read as a denial', async () => {
    const remove = Object.assign(valueTool('remove'), { needsApproval: () => true });
    const model = callingModel(toolCall('c1', 'remove', '{"value":"a"}'));
    await createDurableAgent(fakeContext([], { 'awakeable-0': 'yes please' }), model, {
      tools: [remove],
      onApprovalRequest: () => {},
    }).generate({ prompt: 'Go' });
    expect(remove.inputs).toEqual([]);
    const denied = model.calls[1]?.prompt.at(-1)?.content[0];
    expect(denied).toMatchObject({
      output: { type: 'error', error: expect.stringContaining('not understood') },
    });
  });

  it('refuses tools needing approval without a way to tell a human', () => {
    const remove = Object.assign(valueTool('remove'), { needsApproval: () => true });
    expect(() => createDurableAgent(fakeContext([]), callingModel(), { tools: [remove] })).toThrow(
      InvalidArgumentError,
    );
  });

  it('ends the run with a TerminalError for a model error no retry can fix', async () => {
    const model = new MockLanguageModel({
      generate: () => {
        throw new APICallError({ url: 'https://api.example/v1', statusCode: 400, message: 'bad request' });
      },
    });
    const run = createDurableAgent(fakeContext([]), model).generate({ prompt: 'Go' });
    await expect(run).rejects.toBeInstanceOf(TerminalError);
    await expect(run).rejects.toThrow(/model call failed: .*bad request/);
  });

  it('leaves retryable model errors to Restate, unchanged', async () => {
    const failure = new APICallError({ url: 'https://api.example/v1', statusCode: 503, message: 'busy' });
    const model = new MockLanguageModel({
      generate: () => {
        throw failure;
      },
    });
    await expect(createDurableAgent(fakeContext([]), model).generate({ prompt: 'Go' })).rejects.toBe(failure);
    expect(model.calls).toHaveLength(1);
  });
});

describe('journalSerde', () => {
  it('round-trips bytes, errors and nested values', () => {
    const serde = journalSerde<unknown>();
    const value = { data: new Uint8Array([1, 2, 3]), error: new Error('boom'), list: [1, 'two', null] };
    const restored = serde.deserialize(serde.serialize(value)) as typeof value;
    expect(restored.data).toEqual(new Uint8Array([1, 2, 3]));
    expect(restored.error).toBeInstanceOf(Error);
    expect(restored.error.message).toBe('boom');
    expect(restored.list).toEqual([1, 'two', null]);
  });
});
