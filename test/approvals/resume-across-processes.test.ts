import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { messagesToJSON, serializeMessages, toFantasyJSON } from '../../src/persistence/index.js';
import type { Message } from '../../src/spec/message.js';
import { answerApprovals, type ExecutionLog, scenarioAgent, scenarioPrompt } from './approval-scenario.js';

const tsx = fileURLToPath(new URL('../../node_modules/tsx/dist/cli.mjs', import.meta.url));
const child = fileURLToPath(new URL('./resume-in-child.ts', import.meta.url));

interface Outcome {
  log: ExecutionLog;
  text: unknown;
  messages: unknown;
}

/** The uninterrupted run: pause, answer and resume in one process, with the values in memory. */
async function uninterrupted(): Promise<Outcome> {
  const log: ExecutionLog = [];
  const agent = scenarioAgent(log);
  const paused = await agent.generate({ messages: scenarioPrompt });
  const answers = answerApprovals(paused.pendingApprovals);
  const history = [...scenarioPrompt, ...paused.messages, ...answers];
  const resumed = await agent.generate({ messages: history });
  return { log, text: resumed.response.content, messages: messagesToJSON([...history, ...resumed.messages]) };
}

describe('a run paused at an approval and resumed in another process', () => {
  it('ends as the uninterrupted run does, from our JSON and from Fantasy’s Go JSON', async () => {
    const expected = await uninterrupted();
    expect(expected.log).toEqual(['list:/data', 'remove:/data/a']);
    expect(expected.text).toEqual([
      {
        type: 'text',
        text: 'Done. c-list={"type":"text","text":"a b"}; c-remove={"type":"text","text":"removed /data/a"}; c-wipe={"type":"error","error":"The tool call was denied and did not run. Reason: never wipe /"}',
      },
    ]);

    const log: ExecutionLog = [];
    const paused = await scenarioAgent(log).generate({ messages: scenarioPrompt });
    expect(paused.pendingApprovals.map((request) => request.toolCallId)).toEqual(['c-remove', 'c-wipe']);
    const history: Message[] = [...scenarioPrompt, ...paused.messages];
    const input = JSON.stringify({
      'fantasy-ts': serializeMessages(history),
      'fantasy-go': JSON.stringify(toFantasyJSON(history)),
    });
    const output = execFileSync(process.execPath, [tsx, child], { input, encoding: 'utf8' });
    const resumed = JSON.parse(output) as Record<'fantasy-ts' | 'fantasy-go', Outcome>;
    for (const outcome of Object.values(resumed)) {
      expect({ ...outcome, log: [...log, ...outcome.log] }).toEqual(expected);
    }
  });
});
