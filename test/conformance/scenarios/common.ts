import { textOf, toolCallsOf } from '../../../src/index.js';
import { check, show } from '../check.js';
import type { ScenarioContext } from './context.js';
import { runAgent, wishImage } from './run-agent.js';
import { addTool, multiplyTool, weatherTool } from './tools.js';

/** SCENARIOS.md §1.1: simple / simple streaming. */
export async function runSimple(context: ScenarioContext): Promise<void> {
  const result = await runAgent(context, {});
  const text = textOf(result.response.content);
  check(
    ['Oi', 'oi', 'Olá', 'olá'].some((word) => text.includes(word)),
    `no Portuguese greeting in ${show(text)}`,
  );
}

/** SCENARIOS.md §1.2: tool / tool streaming. */
export async function runTool(context: ScenarioContext): Promise<void> {
  const result = await runAgent(context, { tools: [weatherTool] });
  check(result.steps.length >= 2, `expected at least 2 steps, got ${result.steps.length}`);
  const calls = toolCallsOf(result.steps[0]?.content ?? []);
  check(calls.length === 1, `expected 1 tool call in step 1, got ${calls.length}`);
  check(calls[0]?.toolName === 'weather' && !calls[0].invalid, `bad tool call ${show(calls[0])}`);
  const text = textOf(result.response.content);
  check(text.includes('Florence') && text.includes('40'), `final text lacks Florence/40: ${show(text)}`);
}

/** SCENARIOS.md §1.3: multi tool / multi tool streaming. */
export async function runMultiTool(context: ScenarioContext): Promise<void> {
  const result = await runAgent(context, { tools: [addTool, multiplyTool] });
  check(result.steps.length === 2, `expected exactly 2 steps, got ${result.steps.length}`);
  const calls = toolCallsOf(result.steps[0]?.content ?? []);
  check(calls.length === 2, `expected 2 tool calls in step 1, got ${calls.length}`);
  check(
    calls.every((call) => !call.invalid),
    `invalid tool call: ${show(calls)}`,
  );
  const text = textOf(result.response.content);
  check(text.includes('5') && text.includes('6'), `final text lacks 5/6: ${show(text)}`);
}

/** SCENARIOS.md §6: image upload. */
export async function runImageUpload(context: ScenarioContext): Promise<void> {
  const result = await runAgent(context, {}, { files: [await wishImage(context)] });
  check(textOf(result.response.content) !== '', 'the description is empty');
}
