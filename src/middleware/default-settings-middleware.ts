import type { CallOptions } from '../spec/call-options.js';
import type { ProviderOptions } from '../spec/provider-options.js';
import type { LanguageModelMiddleware } from './language-model-middleware.js';

/** Settings a call gets unless it sets them itself. */
export type DefaultSettings = Partial<Omit<CallOptions, 'prompt' | 'tools' | 'abortSignal'>>;

/**
 * Fills in settings the call left unset: scalars only when absent, `headers` and `providerOptions` merged
 * key by key (provider by provider) with the call's winning.
 *
 * @example
 * wrapLanguageModel({ model, middleware: defaultSettingsMiddleware({ settings: { temperature: 0, maxOutputTokens: 512 } }) });
 */
export function defaultSettingsMiddleware(options: { settings: DefaultSettings }): LanguageModelMiddleware {
  const { headers, providerOptions, ...scalars } = options.settings;
  const apply = <T extends { headers?: Record<string, string>; providerOptions?: ProviderOptions }>(
    params: T,
  ): T => {
    const merged: Record<string, unknown> = { ...scalars };
    for (const [key, value] of Object.entries(params)) if (value !== undefined) merged[key] = value;
    if (headers !== undefined || params.headers !== undefined)
      merged.headers = { ...headers, ...params.headers };
    if (providerOptions !== undefined || params.providerOptions !== undefined) {
      merged.providerOptions = mergeProviderOptions(providerOptions, params.providerOptions);
    }
    return merged as T;
  };
  return {
    transformParams: ({ params }) => apply(params),
    transformObjectParams: ({ params }) => apply(params),
  };
}

function mergeProviderOptions(
  defaults: ProviderOptions | undefined,
  call: ProviderOptions | undefined,
): ProviderOptions {
  const merged: ProviderOptions = { ...defaults };
  for (const [provider, values] of Object.entries(call ?? {})) {
    merged[provider] = { ...(defaults?.[provider] as object | undefined), ...(values as object) } as never;
  }
  return merged;
}
