/**
 * Removes the named query parameters (compared case-insensitively) from a URL, leaving every other
 * character of it as it was, so the result still equals what the provider client would send without them.
 *
 * @example
 * removeQueryParameters('https://host/v1/models?alt=sse&key=AIza', new Set(['key'])); // 'https://host/v1/models?alt=sse'
 */
export function removeQueryParameters(url: string, names: ReadonlySet<string>): string {
  const hashIndex = url.indexOf('#');
  const beforeHash = hashIndex === -1 ? url : url.slice(0, hashIndex);
  const hash = hashIndex === -1 ? '' : url.slice(hashIndex);
  const queryIndex = beforeHash.indexOf('?');
  if (queryIndex === -1) return url;
  const parts = beforeHash.slice(queryIndex + 1).split('&');
  const kept = parts.filter((part) => !names.has(parameterName(part).toLowerCase()));
  if (kept.length === parts.length) return url;
  const query = kept.length === 0 ? '' : `?${kept.join('&')}`;
  return `${beforeHash.slice(0, queryIndex)}${query}${hash}`;
}

/** The values of the named query parameters, to be scrubbed wherever else they appear. */
export function readQueryParameters(url: string, names: ReadonlySet<string>): string[] {
  const queryIndex = url.indexOf('?');
  if (queryIndex === -1) return [];
  const search = new URLSearchParams(url.slice(queryIndex + 1).split('#')[0]);
  return [...search].filter(([name]) => names.has(name.toLowerCase())).map(([, value]) => value);
}

function parameterName(part: string): string {
  const name = part.split('=')[0] ?? '';
  try {
    return decodeURIComponent(name.replaceAll('+', ' '));
  } catch {
    return name;
  }
}
