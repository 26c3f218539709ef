import { DEFAULT_USER_AGENT } from './version.js';

/** The header sets that meet in one request, from the least to the most specific. */
export interface HeaderSources {
  /** Headers configured on the provider. */
  providerHeaders?: Record<string, string> | undefined;
  /** User-Agent configured on the provider; wins over a `User-Agent` in `providerHeaders`. */
  providerUserAgent?: string | undefined;
  /** Headers given on the call; they win over the provider's. */
  callHeaders?: Record<string, string> | undefined;
  /** User-Agent given on the call; wins over everything. */
  callUserAgent?: string | undefined;
}

/**
 * Merges header sources into one map with lower-case names. The User-Agent is, in order of precedence: the
 * call's, a `User-Agent` in the call headers, the provider's, one in the provider headers, the default.
 * No input map is changed.
 */
export function resolveHeaders(sources: HeaderSources): Record<string, string> {
  const headers: Record<string, string> = { 'user-agent': DEFAULT_USER_AGENT };
  assignLowerCase(headers, sources.providerHeaders);
  if (sources.providerUserAgent) headers['user-agent'] = sources.providerUserAgent;
  assignLowerCase(headers, sources.callHeaders);
  if (sources.callUserAgent) headers['user-agent'] = sources.callUserAgent;
  return headers;
}

function assignLowerCase(target: Record<string, string>, source: Record<string, string> | undefined): void {
  if (source === undefined) return;
  for (const [name, value] of Object.entries(source)) target[name.toLowerCase()] = value;
}
