import {
  type ComputerUseToolVersion,
  computerUseTool,
  createAnthropic,
  webSearchTool,
} from '../../../src/providers/anthropic/index.js';
import { type ConformanceAdapter, SkipEntry } from '../adapter.js';

/** Anthropic's Messages API; the thinking budget maps as is (`thinking.budget_tokens` → `budgetTokens`). */
export const adapter: ConformanceAdapter = {
  createModel: (entry, fetch) =>
    createAnthropic({ apiKey: 'replay-key', baseURL: entry.baseURL, fetch }).languageModel(entry.model),
  webSearchTool: () => webSearchTool(),
  computerUseTool: (entry) => {
    const toolVersion = /computer_\d{8}/.exec(entry.notes ?? '')?.[0];
    if (toolVersion === undefined) throw new SkipEntry('the entry does not name a computer use tool version');
    return computerUseTool({
      displayWidthPx: 1920,
      displayHeightPx: 1080,
      toolVersion: toolVersion as ComputerUseToolVersion,
    });
  },
};
