import { createRefreshableCredential, type OnAuthRefresh } from '../../http/auth-refresh.js';
import { loadApiKey } from '../../http/load-api-key.js';
import type { AnthropicEndpoint } from './anthropic-endpoint.js';

/** The API version header every Messages API request carries. */
export const anthropicVersion = '2023-06-01';

/**
 * The Anthropic API: `POST {baseURL}/v1/messages`, key in `x-api-key`. Beta features (computer use) add
 * `?beta=true` and one `anthropic-beta` flag list.
 */
export function anthropicDirectEndpoint(settings: {
  name: string;
  baseURL: string;
  apiKey: string | undefined;
  onAuthRefresh?: OnAuthRefresh | undefined;
}): AnthropicEndpoint {
  const credential = createRefreshableCredential(settings.onAuthRefresh);
  return {
    refreshAuth: credential.refresh,
    provider: settings.name,
    supportsDisableParallelToolUse: true,
    async prepareRequest({ body, betaFlags }) {
      const apiKey =
        credential.current ??
        loadApiKey({
          apiKey: settings.apiKey,
          environmentVariable: 'ANTHROPIC_API_KEY',
          provider: 'Anthropic',
        });
      const beta = betaFlags.length > 0;
      return {
        url: `${settings.baseURL}/v1/messages${beta ? '?beta=true' : ''}`,
        body,
        headers: {
          'x-api-key': apiKey,
          'anthropic-version': anthropicVersion,
          ...(beta ? { 'anthropic-beta': betaFlags.join(',') } : {}),
        },
      };
    },
  };
}
