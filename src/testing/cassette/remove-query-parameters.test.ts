import { describe, expect, it } from 'vitest';
import { readQueryParameters, removeQueryParameters } from './remove-query-parameters.js';

const names = new Set(['key', 'x-amz-signature']);

describe('removeQueryParameters', () => {
  it('removes a named parameter and keeps the others as they were written', () => {
    const url =
      'https://generativelanguage.googleapis.com/v1beta/models/gemini:streamGenerateContent?alt=sse&key=AIza123';
    expect(removeQueryParameters(url, names)).toBe(
      'https://generativelanguage.googleapis.com/v1beta/models/gemini:streamGenerateContent?alt=sse',
    );
  });

  it('drops the question mark when no parameter is left', () => {
    expect(removeQueryParameters('https://x.test/a?key=1', names)).toBe('https://x.test/a');
  });

  it('compares names without regard to case and keeps the fragment', () => {
    expect(removeQueryParameters('https://x.test/a?X-Amz-Signature=abc&b=%2F#top', names)).toBe(
      'https://x.test/a?b=%2F#top',
    );
  });

  it('returns a URL without named parameters unchanged, character for character', () => {
    const url = 'https://x.test/model/us.anthropic.claude-v1%3A0/invoke?a=1&&b';
    expect(removeQueryParameters(url, names)).toBe(url);
  });
});

describe('readQueryParameters', () => {
  it('returns the decoded values of the named parameters', () => {
    expect(readQueryParameters('https://x.test/?key=a%2Bb&other=1', names)).toEqual(['a+b']);
  });
});
