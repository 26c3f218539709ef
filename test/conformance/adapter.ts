import type { LanguageModel, ProviderDefinedTool, ProviderOptions } from '../../src/index.js';
import type { ManifestEntry } from './manifest.js';

/** What the runner needs from a provider to replay its sessions. */
export interface ConformanceAdapter {
  /** Builds the entry's model with the cassette fetch injected. */
  createModel(entry: ManifestEntry, fetch: typeof globalThis.fetch): LanguageModel;
  /** Maps the manifest's Go-rendered provider options to ours. */
  providerOptions?(entry: ManifestEntry): ProviderOptions | undefined;
  /** The provider's web search tool, for the web search scenarios. */
  webSearchTool?(): ProviderDefinedTool;
  /** The provider's computer-use tool for an entry (its tool version is in `entry.notes`). */
  computerUseTool?(entry: ManifestEntry): ProviderDefinedTool;
}

/** Thrown by an adapter or scenario that cannot run an entry yet; the runner reports it as skipped. */
export class SkipEntry extends Error {
  override name = 'SkipEntry';
}

/** snake_case → camelCase, for the Go-rendered option keys. */
export function camelCase(name: string): string {
  return name.replace(/_([a-z0-9])/g, (_match, letter: string) => letter.toUpperCase());
}

/** Converts Go-rendered options (`{ $type, snake_case... }`) into camelCase, recursively for nested objects. */
export function camelCaseOptions(options: Record<string, unknown>): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(options)) {
    if (key === '$type') continue;
    result[camelCase(key)] =
      typeof value === 'object' && value !== null && !Array.isArray(value)
        ? camelCaseOptions(value as Record<string, unknown>)
        : value;
  }
  return result;
}

/** The default mapping: every provider key's options camelCased, `$type` dropped. */
export function defaultProviderOptions(entry: ManifestEntry): ProviderOptions | undefined {
  if (entry.providerOptions === null) return undefined;
  const options: ProviderOptions = {};
  for (const [key, value] of Object.entries(entry.providerOptions)) options[key] = camelCaseOptions(value);
  return options;
}
