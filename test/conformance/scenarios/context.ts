import type { LanguageModel, ProviderOptions } from '../../../src/index.js';
import type { ConformanceAdapter } from '../adapter.js';
import type { ManifestEntry } from '../manifest.js';

/** Everything a scenario needs to replay one entry. */
export interface ScenarioContext {
  entry: ManifestEntry;
  model: LanguageModel;
  adapter: ConformanceAdapter;
  providerOptions: ProviderOptions | undefined;
  /** The conformance directory (for `cassettes/wish.png`). */
  dir: string;
}
