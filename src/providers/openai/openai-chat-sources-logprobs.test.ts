import { describe, expect, it } from 'vitest';
import { answeringFetch, collectStream, jsonBody, sseBody } from '../../../test/support/provider-wire.js';
import { userMessage } from '../../spec/message.js';
import type { StreamPart } from '../../spec/stream-part.js';
import { createOpenAICompatible } from '../openaicompat/index.js';
import { createOpenAI } from './index.js';

const prompt = [userMessage('Who won the 2024 Tour de France?')];

function perplexity(answer: () => Response) {
  return createOpenAICompatible({
    baseURL: 'https://api.perplexity.ai',
    apiKey: 'k',
    name: 'perplexity',
    fetch: answeringFetch(answer),
  }).languageModel('sonar');
}

function sourcesOf(parts: readonly { type: string }[]) {
  return parts.filter((part) => part.type === 'source');
}

// Perplexity repeats `citations` and `search_results` on every chunk of a stream.
const searchResults = [
  {
    title: 'Tour de France 2024',
    url: 'https://example.org/tour-2024',
    date: '2024-07-21',
    snippet: 'Pogačar won',
  },
  { title: 'Pogačar', url: 'https://example.org/pogacar' },
];

describe('citations and search results in chat completions', () => {
  it("streams Perplexity's search results as source parts, each once, with titles and dates", async () => {
    const model = perplexity(() =>
      sseBody([
        {
          search_results: searchResults,
          citations: searchResults.map((result) => result.url),
          choices: [{ index: 0, delta: { content: 'Tadej ' } }],
        },
        {
          search_results: searchResults,
          citations: searchResults.map((result) => result.url),
          choices: [{ index: 0, delta: { content: 'Pogačar.' }, finish_reason: 'stop' }],
        },
      ]),
    );
    const parts = await collectStream(await model.stream({ prompt }));
    expect(sourcesOf(parts)).toEqual([
      {
        type: 'source',
        sourceType: 'url',
        id: 'https://example.org/tour-2024',
        url: 'https://example.org/tour-2024',
        title: 'Tour de France 2024',
        providerMetadata: { perplexity: { date: '2024-07-21', snippet: 'Pogačar won' } },
      },
      {
        type: 'source',
        sourceType: 'url',
        id: 'https://example.org/pogacar',
        url: 'https://example.org/pogacar',
        title: 'Pogačar',
      },
    ]);
    expect(parts.at(-1)).toMatchObject({ type: 'finish', finishReason: 'stop' });
  });

  it("reads Perplexity's bare citations as sources when there are no search results", async () => {
    const model = perplexity(() =>
      jsonBody({
        citations: ['https://example.org/a', 'https://example.org/b'],
        choices: [{ finish_reason: 'stop', message: { content: 'Tadej Pogačar [1][2].' } }],
      }),
    );
    const result = await model.generate({ prompt });
    expect(sourcesOf(result.content)).toEqual([
      { type: 'source', sourceType: 'url', id: 'https://example.org/a', url: 'https://example.org/a' },
      { type: 'source', sourceType: 'url', id: 'https://example.org/b', url: 'https://example.org/b' },
    ]);
  });

  it("streams OpenAI's url_citation annotations as source parts", async () => {
    const annotation = {
      type: 'url_citation',
      url_citation: { url: 'https://example.org/tour', title: 'Tour', start_index: 0, end_index: 14 },
    };
    const model = createOpenAI({
      apiKey: 'k',
      fetch: answeringFetch(() =>
        sseBody([
          { choices: [{ index: 0, delta: { content: 'Tadej Pogačar.' } }] },
          { choices: [{ index: 0, delta: { annotations: [annotation] } }] },
          { choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] },
        ]),
      ),
    }).chat('gpt-4o-search-preview');
    const parts = await collectStream(await model.stream({ prompt }));
    const sources = sourcesOf(parts);
    expect(sources).toHaveLength(1);
    expect(sources[0]).toMatchObject({
      type: 'source',
      sourceType: 'url',
      url: 'https://example.org/tour',
      title: 'Tour',
    });
  });
});

// OpenAI's documented shape: choices[].logprobs.content = [{ token, logprob, bytes, top_logprobs }].
const logprobsContent = (token: string, logprob: number) => ({
  token,
  logprob,
  bytes: [...new TextEncoder().encode(token)],
  top_logprobs: [{ token, logprob, bytes: [...new TextEncoder().encode(token)] }],
});

describe('logprobs in chat completions', () => {
  it('puts the streamed token log probabilities in the finish metadata', async () => {
    const fetch = answeringFetch(() =>
      sseBody([
        {
          choices: [
            { index: 0, delta: { content: 'Hi' }, logprobs: { content: [logprobsContent('Hi', -0.1)] } },
          ],
        },
        {
          choices: [
            {
              index: 0,
              delta: { content: '!' },
              logprobs: { content: [logprobsContent('!', -0.5)] },
              finish_reason: 'stop',
            },
          ],
        },
      ]),
    );
    const model = createOpenAI({ apiKey: 'k', fetch }).chat('gpt-4o');
    const parts = await collectStream(
      await model.stream({ prompt, providerOptions: { openai: { logprobs: true, topLogprobs: 1 } } }),
    );
    expect(fetch.bodies[0]).toMatchObject({ logprobs: true, top_logprobs: 1 });
    const finish = parts.at(-1) as Extract<StreamPart, { type: 'finish' }>;
    expect(finish.providerMetadata?.openai?.logprobs).toEqual([
      {
        token: 'Hi',
        logprob: -0.1,
        bytes: [72, 105],
        topLogprobs: [{ token: 'Hi', logprob: -0.1, bytes: [72, 105] }],
      },
      { token: '!', logprob: -0.5, bytes: [33], topLogprobs: [{ token: '!', logprob: -0.5, bytes: [33] }] },
    ]);
  });

  it('puts a generated answer’s log probabilities and prediction token counts in its metadata', async () => {
    const model = createOpenAI({
      apiKey: 'k',
      fetch: answeringFetch(() =>
        jsonBody({
          choices: [
            {
              finish_reason: 'stop',
              message: { content: 'Hi' },
              logprobs: { content: [logprobsContent('Hi', -0.25)] },
            },
          ],
          usage: {
            prompt_tokens: 5,
            completion_tokens: 8,
            total_tokens: 13,
            completion_tokens_details: { accepted_prediction_tokens: 3, rejected_prediction_tokens: 2 },
          },
        }),
      ),
    }).chat('gpt-4o');
    const result = await model.generate({ prompt, providerOptions: { openai: { logprobs: true } } });
    expect(result.providerMetadata?.openai).toEqual({
      logprobs: [
        {
          token: 'Hi',
          logprob: -0.25,
          bytes: [72, 105],
          topLogprobs: [{ token: 'Hi', logprob: -0.25, bytes: [72, 105] }],
        },
      ],
      acceptedPredictionTokens: 3,
      rejectedPredictionTokens: 2,
    });
  });

  it('adds no metadata when no logprobs were sent and no prediction tokens counted', async () => {
    const model = createOpenAI({
      apiKey: 'k',
      fetch: answeringFetch(() =>
        jsonBody({ choices: [{ finish_reason: 'stop', message: { content: 'Hi' } }] }),
      ),
    }).chat('gpt-4o');
    const result = await model.generate({ prompt });
    expect(result.providerMetadata).toBeUndefined();
  });
});
