import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** One recorded session, as `manifest.json` describes it. */
export interface ManifestEntry {
  cassette: string;
  test: string;
  pair: string | null;
  subtest: string;
  scenario: string;
  provider: string;
  baseURL: string;
  baseURLExplicit: boolean;
  /** The base URL the provider was configured with, when it differs from the effective one (Azure). */
  baseURLConfigured?: string;
  model: string;
  /** Go-rendered provider options: `{ <key>: { $type, ...snake_case fields } }`. */
  providerOptions: Record<string, Record<string, unknown>> | null;
  prepareStep: string | null;
  maxOutputTokens: number | null;
  interactions: number;
  streaming: boolean;
  firstRequestURL: string;
  requestURLs: string[];
  systemPrompt?: string;
  prompt?: string;
  prompt2?: string;
  tools?: string[];
  objectSchemaName?: string;
  notes?: string;
}

/** Reads `<dir>/manifest.json`. */
export async function loadManifest(dir: string): Promise<ManifestEntry[]> {
  const text = await readFile(join(dir, 'manifest.json'), 'utf8');
  const parsed = JSON.parse(text) as ManifestEntry[] | { entries: ManifestEntry[] };
  return Array.isArray(parsed) ? parsed : parsed.entries;
}
