import type { AgentResult } from '../../../src/agent/index.js';
import type { ReasoningPart } from '../../../src/index.js';
import { textOf } from '../../../src/index.js';
import { check, show } from '../check.js';
import type { ScenarioContext } from './context.js';
import { runAgent } from './run-agent.js';
import { weatherTool } from './tools.js';

/** SCENARIOS.md §2: the weather tool with reasoning on, then the entry's reasoning checks. */
export async function runThinking(context: ScenarioContext): Promise<void> {
  const result = await runAgent(context, { tools: [weatherTool] });
  const text = textOf(result.response.content);
  check(text.includes('Florence') && text.includes('40'), `final text lacks Florence/40: ${show(text)}`);
  thinkingCheckFor(context)(result);
}

function reasoningParts(result: AgentResult): ReasoningPart[] {
  return result.steps.flatMap((step) =>
    step.messages.flatMap((message) =>
      message.content.filter((part): part is ReasoningPart => part.type === 'reasoning'),
    ),
  );
}

/** Every reasoning part carries an Anthropic signature (testAnthropicThinking and its gateway variants). */
function checkSignatures(result: AgentResult): void {
  const parts = reasoningParts(result);
  check(parts.length > 0, 'no reasoning part in the step messages');
  const signed = parts.filter((part) => {
    const signature = part.providerOptions?.anthropic?.signature;
    return part.text !== '' && typeof signature === 'string' && signature !== '';
  });
  check(
    signed.length === parts.length,
    `${parts.length - signed.length} of ${parts.length} reasoning parts lack a signature`,
  );
}

/** Every reasoning part carries OpenAI encrypted reasoning content. */
function checkEncryptedContent(result: AgentResult): void {
  const parts = reasoningParts(result);
  check(parts.length > 0, 'no reasoning part in the step messages');
  const encrypted = parts.filter((part) => {
    const content = part.providerOptions?.openai?.encryptedContent;
    return typeof content === 'string' && content !== '';
  });
  check(
    encrypted.length === parts.length,
    `${parts.length - encrypted.length} of ${parts.length} reasoning parts lack encrypted content`,
  );
}

function checkReasoningTokens(result: AgentResult): void {
  check(result.response.usage.reasoningTokens > 0, 'no reasoning tokens reported');
}

function checkAnyReasoning(result: AgentResult): void {
  check(reasoningParts(result).length > 0, 'no reasoning part in the step messages');
}

/** The check each recorded test applies (SCENARIOS.md §2 table). */
function thinkingCheckFor(context: ScenarioContext): (result: AgentResult) => void {
  const { test, pair } = context.entry;
  if (test.includes('SummaryThinking')) return checkEncryptedContent;
  if (test.startsWith('TestAzureThinking')) return checkReasoningTokens;
  if (test.startsWith('TestAnthropic') || test.startsWith('TestOpenRouterThinking')) return checkSignatures;
  if (test.startsWith('TestVercelThinking') && pair?.endsWith('-sig')) return checkSignatures;
  return checkAnyReasoning;
}
