import type { ConformanceAdapter } from '../adapter.js';
import { openAIAdapter } from './openai.js';
import { openAICompatibleAdapter } from './openaicompat.js';

/** Adapters by the manifest's provider name. A provider not listed here is reported as skipped. */
export const adapters: Record<string, ConformanceAdapter> = {
  openai: openAIAdapter,
  openaicompat: openAICompatibleAdapter,
};
