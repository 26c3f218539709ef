import { InvalidArgumentError } from '../../errors/invalid-argument-error.js';

/** An Azure OpenAI resource host, in any of the domains Azure hands out. */
const azureResourceHost =
  /^(?:https?:\/\/)?([a-zA-Z0-9-]+)\.(?:openai|cognitiveservices|services\.ai)\.azure\.com(?:\/.*)?$/;

/**
 * The base URL of Azure OpenAI's v1 API for a resource: `https://<resource>.openai.azure.com/openai/v1`,
 * which takes no `api-version` query. A resource URL in any Azure domain (and with any path) is rewritten to
 * it, as Fantasy does; any other URL (a proxy) is kept, with `https://` added when it has no scheme.
 *
 * @example
 * resolveAzureBaseURL({ baseURL: 'https://my-resource.cognitiveservices.azure.com/' });
 * // 'https://my-resource.openai.azure.com/openai/v1'
 */
export function resolveAzureBaseURL(options: {
  baseURL?: string | undefined;
  resourceName?: string | undefined;
}): string {
  if (options.baseURL) {
    const resource = azureResourceHost.exec(options.baseURL)?.[1];
    if (resource) return v1URL(resource);
    const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(options.baseURL)
      ? options.baseURL
      : `https://${options.baseURL}`;
    return withScheme.replace(/\/+$/, '');
  }
  if (options.resourceName) return v1URL(options.resourceName);
  throw new InvalidArgumentError({
    argument: 'resourceName',
    message:
      'Azure OpenAI needs a resource: pass resourceName (e.g. "my-resource") or baseURL to createAzure',
  });
}

function v1URL(resource: string): string {
  return `https://${resource}.openai.azure.com/openai/v1`;
}
