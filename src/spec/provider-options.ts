/**
 * Provider-specific settings, keyed by the provider's options key (`openai`, `openai-compat`, `anthropic`,
 * `google`, `openrouter`, `vercel`, ...). Inputs: on a call, a message, a part or a tool.
 *
 * @example
 * const providerOptions = { 'openai-compat': { reasoningEffort: 'high' } };
 */
export type ProviderOptions = Record<string, Record<string, unknown>>;

/**
 * Provider-specific data returned with a response, a content part or a stream part, keyed like
 * `ProviderOptions`. The agent copies a content part's metadata into the next request's part options: this
 * is how reasoning signatures and encrypted reasoning travel back to the provider unchanged.
 */
export type ProviderMetadata = Record<string, Record<string, unknown>>;
