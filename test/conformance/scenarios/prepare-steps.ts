import type { PrepareStepFunction } from '../../../src/agent/index.js';
import type { Message } from '../../../src/index.js';
import { SkipEntry } from '../adapter.js';

/**
 * SCENARIOS.md §1.4 `addAnthropicCaching`: every message's options are reset, then the last system message
 * (index 0 when there is none) and the last two messages are marked ephemeral. Messages are copied, never
 * mutated, so the cache marks do not leak into the history.
 */
const addAnthropicCaching: PrepareStepFunction = ({ messages }) => {
  const cache = { anthropic: { cacheControl: { type: 'ephemeral' } } };
  const prepared: Message[] = messages.map(({ providerOptions: _dropped, ...message }) => ({ ...message }));
  let lastSystem = 0;
  for (const [index, message] of prepared.entries()) {
    if (message.role === 'system') {
      lastSystem = index;
      continue;
    }
    const target = prepared[lastSystem];
    if (target) prepared[lastSystem] = { ...target, providerOptions: cache };
    break;
  }
  for (let index = Math.max(0, prepared.length - 2); index < prepared.length; index++) {
    const message = prepared[index];
    if (message) prepared[index] = { ...message, providerOptions: cache };
  }
  return { messages: prepared };
};

const prepareSteps: Record<string, PrepareStepFunction> = { addAnthropicCaching };

/** The named prepare-step of a manifest entry, if any. */
export function prepareStepFor(name: string | null): PrepareStepFunction | undefined {
  if (name === null) return undefined;
  const prepareStep = prepareSteps[name];
  if (prepareStep === undefined) throw new SkipEntry(`prepare step ${name} is not implemented`);
  return prepareStep;
}
