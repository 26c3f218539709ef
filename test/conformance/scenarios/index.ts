import type { ScenarioContext } from './context.js';
import { runObjectScenario } from './object.js';

type Scenario = (context: ScenarioContext) => Promise<void>;

const scenarios: Record<string, Scenario> = {
  simple_object: runObjectScenario,
  simple_object_streaming: runObjectScenario,
  complex_object: runObjectScenario,
  complex_object_streaming: runObjectScenario,
};

/** The scenario function for a manifest scenario name, if implemented. */
export function scenarioFor(name: string): Scenario | undefined {
  return scenarios[name];
}
