import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCassetteFetch } from '../../src/testing/index.js';
import { type ConformanceAdapter, defaultProviderOptions, SkipEntry } from './adapter.js';
import { conformanceMatcher } from './deviations.js';
import type { ManifestEntry } from './manifest.js';
import type { ScenarioContext } from './scenarios/context.js';
import { scenarioFor } from './scenarios/index.js';

/** The outcome of one cassette. */
export interface EntryResult {
  cassette: string;
  provider: string;
  scenario: string;
  status: 'pass' | 'fail' | 'skip';
  reason?: string;
  durationMs: number;
}

const adapterCache = new Map<string, ConformanceAdapter | undefined>();

/** The adapter in `adapters/<provider>.ts`, or undefined when that provider is not implemented. */
export async function loadAdapter(provider: string): Promise<ConformanceAdapter | undefined> {
  if (adapterCache.has(provider)) return adapterCache.get(provider);
  const file = fileURLToPath(new URL(`./adapters/${provider}.ts`, import.meta.url));
  const adapter = existsSync(file)
    ? ((await import(`./adapters/${provider}.ts`)) as { adapter: ConformanceAdapter }).adapter
    : undefined;
  adapterCache.set(provider, adapter);
  return adapter;
}

/** Replays one manifest entry: builds its model on a cassette fetch, runs its scenario, checks its assertions. */
export async function runEntry(entry: ManifestEntry, dir: string): Promise<EntryResult> {
  const started = performance.now();
  const base = { cassette: entry.cassette, provider: entry.provider, scenario: entry.scenario };
  const finish = (status: EntryResult['status'], reason?: string): EntryResult => ({
    ...base,
    status,
    ...(reason === undefined ? {} : { reason }),
    durationMs: Math.round(performance.now() - started),
  });
  const adapter = await loadAdapter(entry.provider);
  if (adapter === undefined) return finish('skip', `provider ${entry.provider} is not implemented yet`);
  const scenario = scenarioFor(entry.scenario);
  if (scenario === undefined) return finish('skip', `scenario ${entry.scenario} is not implemented yet`);
  const fetch = createCassetteFetch({
    path: join(dir, 'cassettes', entry.cassette),
    mode: 'replay',
    match: conformanceMatcher,
  });
  try {
    const context: ScenarioContext = {
      entry,
      adapter,
      dir,
      model: adapter.createModel(entry, fetch),
      providerOptions: adapter.providerOptions
        ? adapter.providerOptions(entry)
        : defaultProviderOptions(entry),
    };
    await scenario(context);
    const left = fetch.remaining();
    if (left > 0) return finish('fail', `${left} recorded interaction(s) were never requested`);
    return finish('pass');
  } catch (error) {
    if (error instanceof SkipEntry) return finish('skip', error.message);
    return finish('fail', describeError(error));
  }
}

function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause =
    error.cause instanceof Error && !error.message.includes(error.cause.message)
      ? ` (cause: ${error.cause.message})`
      : '';
  return `${error.name}: ${error.message}${cause}`.replace(/\s*\n\s*/g, ' | ');
}
