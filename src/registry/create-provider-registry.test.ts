import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../errors/invalid-argument-error.js';
import { NoSuchProviderError } from '../errors/no-such-provider-error.js';
import type { LanguageModel, Provider } from '../spec/language-model.js';
import { createProviderRegistry } from './create-provider-registry.js';

/** A provider whose models only say who they are. */
function fakeProvider(name: string): Provider {
  return {
    name,
    languageModel: (modelId: string) => ({ provider: name, modelId }) as unknown as LanguageModel,
  };
}

const providers = { openai: fakeProvider('openai'), xai: fakeProvider('openai-compat') };

function describeModel(model: LanguageModel): string {
  return `${model.provider}/${model.modelId}`;
}

describe('createProviderRegistry', () => {
  it('resolves provider:model ids to the named provider', () => {
    const registry = createProviderRegistry(providers);
    expect(describeModel(registry.languageModel('openai:gpt-4o'))).toBe('openai/gpt-4o');
    expect(describeModel(registry.languageModel('xai:grok-4-fast'))).toBe('openai-compat/grok-4-fast');
  });

  it('passes the rest of the id to the provider, separators included', () => {
    const registry = createProviderRegistry(providers);
    expect(registry.languageModel('openai:ft:gpt-4o:acme::abc').modelId).toBe('ft:gpt-4o:acme::abc');
  });

  it('sends ids without a prefix to the default provider', () => {
    const registry = createProviderRegistry(providers, { defaultProvider: 'xai' });
    expect(describeModel(registry.languageModel('grok-4'))).toBe('openai-compat/grok-4');
  });

  it('resolves aliases, including aliases whose target has no prefix', () => {
    const registry = createProviderRegistry(providers, {
      aliases: { fast: 'openai:gpt-4o-mini', smart: 'grok-4' },
      defaultProvider: 'xai',
    });
    expect(describeModel(registry.languageModel('fast'))).toBe('openai/gpt-4o-mini');
    expect(describeModel(registry.languageModel('smart'))).toBe('openai-compat/grok-4');
  });

  it('uses a custom separator', () => {
    const registry = createProviderRegistry(providers, { separator: '/' });
    expect(describeModel(registry.languageModel('openai/gpt-4o'))).toBe('openai/gpt-4o');
  });

  it('throws NoSuchProviderError listing the registered providers for an unknown prefix', () => {
    const registry = createProviderRegistry(providers);
    const error = catchError(() => registry.languageModel('antropic:claude-sonnet-4'));
    expect(NoSuchProviderError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({
      providerId: 'antropic',
      modelId: 'antropic:claude-sonnet-4',
      availableProviders: ['openai', 'xai'],
    });
    expect((error as Error).message).toBe(
      'no provider "antropic" for model "antropic:claude-sonnet-4"; registered providers: openai, xai',
    );
  });

  it('explains the id format when there is no prefix and no default provider', () => {
    const registry = createProviderRegistry(providers);
    const error = catchError(() => registry.languageModel('gpt-4o'));
    expect(InvalidArgumentError.isInstance(error)).toBe(true);
    expect((error as Error).message).toContain(
      'must be written as provider:model (there is no default provider)',
    );
  });

  it('rejects ids with an empty provider or model part', () => {
    const registry = createProviderRegistry(providers, { defaultProvider: 'openai' });
    expect(() => registry.languageModel(':gpt-4o')).toThrow(InvalidArgumentError);
    expect(() => registry.languageModel('openai:')).toThrow(InvalidArgumentError);
    expect(() => registry.languageModel('')).toThrow(InvalidArgumentError);
  });

  it('checks the default provider and alias targets when it is created', () => {
    expect(() => createProviderRegistry(providers, { defaultProvider: 'anthropic' })).toThrow(
      'no provider "anthropic"',
    );
    expect(() => createProviderRegistry(providers, { aliases: { best: 'google:gemini-2.5-pro' } })).toThrow(
      'registered providers: openai, xai',
    );
  });

  it('rejects provider names that contain the separator', () => {
    expect(() => createProviderRegistry({ 'a:b': fakeProvider('a') })).toThrow(InvalidArgumentError);
    expect(() => createProviderRegistry(providers, { separator: '' })).toThrow(InvalidArgumentError);
  });

  it('returns registered providers by name and lists their names sorted', () => {
    const registry = createProviderRegistry({ xai: providers.xai, openai: providers.openai });
    expect(registry.providerNames).toEqual(['openai', 'xai']);
    expect(registry.provider('xai')).toBe(providers.xai);
    expect(() => registry.provider('google')).toThrow(NoSuchProviderError);
  });
});

function catchError(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}
