import { describe, expect, it } from 'vitest';
import { answeringFetch, collectStream, jsonBody, sseBody } from '../../../test/support/provider-wire.js';
import { userMessage } from '../../spec/message.js';
import { createOpenAICompatible } from '../openaicompat/index.js';
import { createOpenAI } from './index.js';

const prompt = [userMessage('What is 2 + 2?')];

function mistral(answer: () => Response) {
  const fetch = answeringFetch(answer);
  return createOpenAICompatible({
    baseURL: 'https://api.mistral.ai/v1',
    apiKey: 'k',
    fetch,
    name: 'mistral',
  }).languageModel('magistral-medium-latest');
}

// Magistral's documented shape: content is an array of a `thinking` chunk (itself an array of text chunks)
// and `text` chunks.
describe('content-part arrays in chat completions (Mistral Magistral)', () => {
  it('streams thinking parts as reasoning and text parts as text, never as [object Object]', async () => {
    const model = mistral(() =>
      sseBody([
        {
          choices: [
            {
              index: 0,
              delta: {
                role: 'assistant',
                content: [{ type: 'thinking', thinking: [{ type: 'text', text: 'Two and ' }] }],
              },
            },
          ],
        },
        {
          choices: [
            {
              index: 0,
              delta: { content: [{ type: 'thinking', thinking: [{ type: 'text', text: 'two.' }] }] },
            },
          ],
        },
        { choices: [{ index: 0, delta: { content: [{ type: 'text', text: 'It is ' }] } }] },
        { choices: [{ index: 0, delta: { content: '4.' }, finish_reason: 'stop' }] },
        { choices: [], usage: { prompt_tokens: 10, completion_tokens: 20, total_tokens: 30 } },
      ]),
    );
    const parts = await collectStream(await model.stream({ prompt }));
    expect(parts.slice(0, -1)).toEqual([
      { type: 'reasoning-start', id: 'reasoning-0' },
      { type: 'reasoning-delta', id: 'reasoning-0', delta: 'Two and ' },
      { type: 'reasoning-delta', id: 'reasoning-0', delta: 'two.' },
      { type: 'reasoning-end', id: 'reasoning-0' },
      { type: 'text-start', id: '0' },
      { type: 'text-delta', id: '0', delta: 'It is ' },
      { type: 'text-delta', id: '0', delta: '4.' },
      { type: 'text-end', id: '0' },
    ]);
    expect(parts.at(-1)).toMatchObject({ type: 'finish', finishReason: 'stop' });
  });

  it('reads a generated message whose content is an array as text and reasoning', async () => {
    const model = mistral(() =>
      jsonBody({
        id: 'cmpl-1',
        choices: [
          {
            finish_reason: 'stop',
            message: {
              role: 'assistant',
              content: [
                { type: 'thinking', thinking: [{ type: 'text', text: 'Adding.' }] },
                { type: 'text', text: 'It is 4.' },
              ],
            },
          },
        ],
      }),
    );
    const result = await model.generate({ prompt });
    expect(result.content).toEqual([
      { type: 'text', text: 'It is 4.' },
      { type: 'reasoning', text: 'Adding.' },
    ]);
  });

  it('skips parts that carry no text, such as Mistral references', async () => {
    const model = createOpenAI({
      apiKey: 'k',
      fetch: answeringFetch(() =>
        jsonBody({
          choices: [
            {
              finish_reason: 'stop',
              message: {
                content: [
                  { type: 'reference', reference_ids: [1] },
                  { type: 'text', text: 'ok' },
                ],
              },
            },
          ],
        }),
      ),
    }).chat('gpt-4o');
    const result = await model.generate({ prompt });
    expect(result.content).toEqual([{ type: 'text', text: 'ok' }]);
  });
});
