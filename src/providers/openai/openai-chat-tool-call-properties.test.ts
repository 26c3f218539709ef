import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { userMessage } from '../../spec/message.js';
import type { StreamPart } from '../../spec/stream-part.js';
import { createOpenAI } from './index.js';

const encoder = new TextEncoder();

/** A tool call as the model means it, and the pieces its arguments are streamed in. */
interface StreamedCall {
  index: number;
  id: string;
  name: string;
  pieces: string[];
}

const identifier = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,11}$/);

/** Arguments of any kind: JSON, broken JSON, any text; then cut into pieces (some empty). */
const pieces = fc.array(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 10 }), fc.json({ maxDepth: 2 })), {
  maxLength: 6,
});

const calls: fc.Arbitrary<StreamedCall[]> = fc
  .uniqueArray(fc.record({ gap: fc.integer({ min: 1, max: 3 }), id: identifier, name: identifier, pieces }), {
    minLength: 1,
    maxLength: 4,
    selector: (call) => call.id,
  })
  .map((drafts) => {
    let index = -1;
    return drafts.map(({ gap, id, name, pieces }) => {
      index += gap;
      return { index, id: `call_${id}`, name, pieces: pieces.length === 0 ? [''] : pieces };
    });
  });

/** Each call's deltas, in order; the first carries the id and name. */
function deltasOf(call: StreamedCall): object[] {
  return call.pieces.map((piece, position) =>
    position === 0
      ? { index: call.index, id: call.id, type: 'function', function: { name: call.name, arguments: piece } }
      : { index: call.index, function: { arguments: piece } },
  );
}

/** Every delta in call order, grouped into chunks of 1–3 deltas, as the SSE text of the stream. */
function sseText(streamed: StreamedCall[], groupSizes: number[]): string {
  const deltas = streamed.flatMap(deltasOf);
  const events: string[] = [];
  for (let start = 0, group = 0; start < deltas.length; group += 1) {
    const size = groupSizes[group % groupSizes.length] ?? 1;
    const toolCalls = deltas.slice(start, start + size);
    events.push(JSON.stringify({ choices: [{ index: 0, delta: { tool_calls: toolCalls } }] }));
    start += size;
  }
  events.push(JSON.stringify({ choices: [{ index: 0, delta: {}, finish_reason: 'tool_calls' }] }), '[DONE]');
  return events.map((data) => `data: ${data}\n\n`).join('');
}

function cut(bytes: Uint8Array, offsets: number[]): Uint8Array[] {
  const points = [...new Set(offsets.map((offset) => offset % (bytes.length + 1)))].sort((a, b) => a - b);
  const chunks: Uint8Array[] = [];
  let start = 0;
  for (const point of points) {
    chunks.push(bytes.subarray(start, point));
    start = point;
  }
  chunks.push(bytes.subarray(start));
  return chunks;
}

async function streamThroughModel(chunks: Uint8Array[]): Promise<StreamPart[]> {
  const fetch = async () => {
    let index = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        const chunk = chunks[index++];
        if (chunk === undefined) controller.close();
        else controller.enqueue(chunk);
      },
    });
    return new Response(body, { headers: { 'content-type': 'text/event-stream' } });
  };
  const model = createOpenAI({ apiKey: 'sk-test', fetch }).languageModel('gpt-4o-mini');
  const parts: StreamPart[] = [];
  for await (const part of await model.stream({ prompt: [userMessage('Hi')] })) parts.push(part);
  return parts;
}

describe('chat completions: tool-call argument assembly', () => {
  it('gives each tool call the concatenation of its argument deltas, however they are split and chunked', async () => {
    await fc.assert(
      fc.asyncProperty(
        calls,
        fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 1, maxLength: 4 }),
        fc.array(fc.nat(), { maxLength: 10 }),
        async (streamed, groupSizes, offsets) => {
          const bytes = encoder.encode(sseText(streamed, groupSizes));
          const parts = await streamThroughModel(cut(bytes, offsets));
          const toolCalls = parts.filter((part) => part.type === 'tool-call');
          expect(toolCalls).toEqual(
            streamed.map((call) => {
              const input = call.pieces.join('');
              return {
                type: 'tool-call',
                toolCallId: call.id,
                toolName: call.name,
                input: input === '' ? '{}' : input,
              };
            }),
          );
          for (const call of streamed) {
            const deltas = parts.filter((part) => part.type === 'tool-input-delta' && part.id === call.id);
            expect(deltas.map((part) => (part.type === 'tool-input-delta' ? part.delta : '')).join('')).toBe(
              call.pieces.join(''),
            );
          }
          expect(parts.at(-1)).toMatchObject({ type: 'finish', finishReason: 'tool-calls' });
        },
      ),
      { seed: 20_260_127, numRuns: 300 },
    );
  });
});
