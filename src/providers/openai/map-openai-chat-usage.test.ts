import { describe, expect, it } from 'vitest';
import { InvalidResponseError } from '../../errors/invalid-response-error.js';
import { mapOpenAIChatUsage } from './map-openai-chat-usage.js';

// Fixtures written from each service's documented usage object.
describe('chat-completions usage adds up on every service', () => {
  it('adds xAI reasoning tokens to the output, since its completion_tokens exclude them (401 + 44 + 257 = 702)', () => {
    const usage = mapOpenAIChatUsage({
      prompt_tokens: 401,
      completion_tokens: 44,
      total_tokens: 702,
      prompt_tokens_details: {
        text_tokens: 401,
        audio_tokens: 0,
        image_tokens: 0,
        cached_tokens: 400,
      } as never,
      completion_tokens_details: {
        reasoning_tokens: 257,
        accepted_prediction_tokens: 0,
        rejected_prediction_tokens: 0,
      },
      num_sources_used: 0,
    });
    expect(usage).toEqual({
      inputTokens: 1,
      outputTokens: 301,
      totalTokens: 702,
      reasoningTokens: 257,
      cacheCreationTokens: 0,
      cacheReadTokens: 400,
    });
  });

  it('keeps OpenAI output as reported, since its completion_tokens already include reasoning', () => {
    const usage = mapOpenAIChatUsage({
      prompt_tokens: 20,
      completion_tokens: 300,
      total_tokens: 320,
      completion_tokens_details: { reasoning_tokens: 256 },
    });
    expect(usage).toMatchObject({
      inputTokens: 20,
      outputTokens: 300,
      totalTokens: 320,
      reasoningTokens: 256,
    });
  });

  it("reads Moonshot's top-level cached_tokens as cache reads", () => {
    const usage = mapOpenAIChatUsage({
      prompt_tokens: 1200,
      completion_tokens: 30,
      total_tokens: 1230,
      cached_tokens: 1000,
    });
    expect(usage).toMatchObject({
      inputTokens: 200,
      cacheReadTokens: 1000,
      outputTokens: 30,
      totalTokens: 1230,
    });
  });

  it("reads DeepSeek's prompt_cache_hit_tokens as cache reads and the misses as input", () => {
    const usage = mapOpenAIChatUsage({
      prompt_tokens: 128,
      completion_tokens: 9,
      total_tokens: 137,
      prompt_cache_hit_tokens: 64,
      prompt_cache_miss_tokens: 64,
    });
    expect(usage).toMatchObject({ inputTokens: 64, cacheReadTokens: 64, outputTokens: 9, totalTokens: 137 });
  });

  it('takes the prompt from the DeepSeek hit and miss counts when prompt_tokens is absent', () => {
    const usage = mapOpenAIChatUsage({
      completion_tokens: 1,
      prompt_cache_hit_tokens: 10,
      prompt_cache_miss_tokens: 5,
    });
    expect(usage).toMatchObject({ inputTokens: 5, cacheReadTokens: 10, totalTokens: 16 });
  });

  it('keeps input + cache reads equal to the prompt for every service', () => {
    for (const wire of [
      { prompt_tokens: 50, prompt_tokens_details: { cached_tokens: 20 } },
      { prompt_tokens: 50, cached_tokens: 20 },
      { prompt_tokens: 50, prompt_cache_hit_tokens: 20, prompt_cache_miss_tokens: 30 },
    ]) {
      const usage = mapOpenAIChatUsage(wire);
      expect(usage.inputTokens + usage.cacheReadTokens + usage.cacheCreationTokens).toBe(50);
    }
  });

  it.each([
    ['a string count', { prompt_tokens: '12' }, 'usage.prompt_tokens is a string'],
    ['a fractional count', { completion_tokens: 1.5 }, 'usage.completion_tokens is a number'],
    [
      'details that are not an object',
      { prompt_tokens_details: 7 },
      'usage.prompt_tokens_details is a number',
    ],
    ['a usage that is not an object', 'lots', 'usage is a string'],
  ])('rejects %s with an InvalidResponseError naming the field', (_name, wire, message) => {
    let thrown: unknown;
    try {
      mapOpenAIChatUsage(wire as never);
    } catch (error) {
      thrown = error;
    }
    expect(InvalidResponseError.isInstance(thrown)).toBe(true);
    expect((thrown as InvalidResponseError).message).toContain(message);
    expect((thrown as InvalidResponseError).isRetryable).toBe(false);
  });
});
