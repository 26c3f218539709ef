import { runImageUpload, runMultiTool, runSimple, runTool } from './common.js';
import { runComputerUse } from './computer-use.js';
import type { ScenarioContext } from './context.js';
import { runObjectScenario } from './object.js';
import { runThinking } from './thinking.js';
import { runWebSearch } from './web-search.js';

type Scenario = (context: ScenarioContext) => Promise<void>;

const scenarios: Record<string, Scenario> = {
  simple: runSimple,
  simple_streaming: runSimple,
  tool: runTool,
  tool_streaming: runTool,
  multi_tool: runMultiTool,
  multi_tool_streaming: runMultiTool,
  thinking: runThinking,
  thinking_streaming: runThinking,
  image_upload: runImageUpload,
  image_upload_streaming: runImageUpload,
  web_search_generate: runWebSearch,
  web_search_stream: runWebSearch,
  computer_use: runComputerUse,
  computer_use_streaming: runComputerUse,
  simple_object: runObjectScenario,
  simple_object_streaming: runObjectScenario,
  complex_object: runObjectScenario,
  complex_object_streaming: runObjectScenario,
};

/** The scenario function for a manifest scenario name, if implemented. */
export function scenarioFor(name: string): Scenario | undefined {
  return scenarios[name];
}
