import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  type AgentCall,
  type AgentResult,
  type AgentSettings,
  createAgent,
} from '../../../src/agent/index.js';
import type { FilePart } from '../../../src/index.js';
import type { ScenarioContext } from './context.js';
import { prepareStepFor } from './prepare-steps.js';

/** Runs the entry's agent call, generate or stream as the entry records, with the entry's options. */
export async function runAgent(
  context: ScenarioContext,
  settings: AgentSettings,
  call: AgentCall = {},
): Promise<AgentResult> {
  const { entry } = context;
  const agent = createAgent(context.model, {
    system: entry.systemPrompt ?? 'You are a helpful assistant',
    ...settings,
  });
  const prepareStep = prepareStepFor(entry.prepareStep);
  const fullCall: AgentCall = {
    prompt: entry.prompt ?? '',
    ...(entry.maxOutputTokens === null ? {} : { maxOutputTokens: entry.maxOutputTokens }),
    ...(context.providerOptions ? { providerOptions: context.providerOptions } : {}),
    ...(prepareStep ? { prepareStep } : {}),
    // Replays are instant: a retry would only re-ask the cassette, which answers each interaction once.
    maxRetries: 0,
    ...call,
  };
  if (!entry.streaming) return agent.generate(fullCall);
  const stream = await agent.stream(fullCall);
  return stream.result;
}

/** The image the image-upload scenario attaches. */
export async function wishImage(context: ScenarioContext): Promise<FilePart> {
  const data = new Uint8Array(await readFile(join(context.dir, 'cassettes', 'wish.png')));
  return { type: 'file', data, mediaType: 'image/png', filename: 'wish.png' };
}
