import { readUIMessageStream, uiMessageChunkSchema } from 'ai';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { finishPart } from '../../test/support/agent-fixtures.js';
import { createAgent } from '../agent/create-agent.js';
import { tool } from '../agent/tool.js';
import type { StreamPart } from '../spec/stream-part.js';
import { MockLanguageModel } from '../testing/mock-language-model.js';
import { fromUIMessages } from './from-ui-messages.js';
import { toUIMessageStream } from './to-ui-message-stream.js';
import type { UIMessage } from './ui-message.js';
import type { UIMessageChunk } from './ui-message-chunk.js';

const echo = tool({
  name: 'echo',
  description: 'echoes its input as JSON',
  inputSchema: { type: 'object' },
  execute: (input) => ({ echoed: input as never }),
});

const delta = fc.string({ minLength: 0, maxLength: 6 });
const metadata = fc.option(fc.record({ anthropic: fc.record({ signature: fc.string({ maxLength: 8 }) }) }), {
  nil: undefined,
});

/** One block of a step: text, reasoning (maybe signed) or a tool call with JSON input. */
const block = fc.oneof(
  fc.record({ kind: fc.constant('text' as const), deltas: fc.array(delta, { minLength: 1, maxLength: 4 }) }),
  fc.record({ kind: fc.constant('reasoning' as const), deltas: fc.array(delta, { maxLength: 4 }), metadata }),
  fc.record({
    kind: fc.constant('tool' as const),
    input: fc.dictionary(
      fc.string({ minLength: 1, maxLength: 4 }),
      fc.oneof(fc.integer(), fc.string({ maxLength: 4 }), fc.boolean()),
    ),
  }),
);

type Block = typeof block extends fc.Arbitrary<infer T> ? T : never;

/** A step's stream parts; block ids repeat across steps, as providers' do. */
function stepParts(blocks: readonly Block[], step: number): StreamPart[] {
  const parts: StreamPart[] = [];
  blocks.forEach((item, index) => {
    const id = String(index);
    if (item.kind === 'tool') {
      const input = JSON.stringify(item.input);
      parts.push({ type: 'tool-input-start', id: `call-${step}-${index}`, toolName: 'echo' });
      parts.push({ type: 'tool-input-delta', id: `call-${step}-${index}`, delta: input });
      parts.push({ type: 'tool-input-end', id: `call-${step}-${index}` });
      parts.push({ type: 'tool-call', toolCallId: `call-${step}-${index}`, toolName: 'echo', input });
      return;
    }
    const prefix = item.kind;
    parts.push({ type: `${prefix}-start`, id });
    for (const text of item.deltas) parts.push({ type: `${prefix}-delta`, id, delta: text });
    const end =
      item.kind === 'reasoning' && item.metadata !== undefined ? { providerMetadata: item.metadata } : {};
    parts.push({ type: `${prefix}-end`, id, ...end });
  });
  const calls = blocks.some((item) => item.kind === 'tool');
  parts.push(finishPart(calls ? 'tool-calls' : 'stop'));
  return parts;
}

describe('toUIMessageStream properties', () => {
  it('for any run, the AI SDK client reads every chunk, and the page message gives back the history', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(block, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 3 }),
        async (steps) => {
          // The last step answers without tools, so the run ends there.
          const streams = [
            ...steps.map(stepParts),
            stepParts([{ kind: 'text', deltas: ['end'] }], steps.length),
          ];
          const model = new MockLanguageModel({ stream: streams });
          const run = await createAgent(model, { tools: [echo] }).stream({ prompt: 'go' });
          const chunks: UIMessageChunk[] = [];
          for await (const chunk of toUIMessageStream(run, { messageId: 'a' })) chunks.push(chunk);

          expect(chunks.filter((chunk) => chunk.type === 'start')).toHaveLength(1);
          expect(chunks.filter((chunk) => chunk.type === 'finish')).toHaveLength(1);
          expect(chunks.at(-1)?.type).toBe('finish');
          const schema = uiMessageChunkSchema();
          for (const chunk of chunks) expect((await schema.validate?.(chunk))?.success).toBe(true);

          const stream = new ReadableStream({
            start(controller) {
              for (const chunk of chunks) controller.enqueue(chunk as never);
              controller.close();
            },
          });
          let page: unknown;
          for await (const message of readUIMessageStream({ stream, terminateOnError: true })) page = message;
          const posted = JSON.parse(JSON.stringify(page)) as UIMessage;
          const { steps: done } = await run.result;
          const history = done.flatMap((step) => step.messages);
          // Empty text blocks are kept by the page and by the agent alike; compare the whole history.
          expect(fromUIMessages([posted])).toEqual(history);
        },
      ),
      { seed: 20_261_202, numRuns: 60 },
    );
  });
});
