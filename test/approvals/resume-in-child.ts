/**
 * Run by resume-across-processes.test.ts in a fresh process with tsx: reads on stdin a paused run's history
 * stored in both formats (`{ "fantasy-ts": text, "fantasy-go": text }`), and for each one answers the
 * approvals, resumes, and reports the final answer, the tool executions of this process and the whole
 * history (as our JSON value).
 */
import { readFileSync } from 'node:fs';
import { pendingApprovalsOf } from '../../src/agent/index.js';
import { fromFantasyJSON, messagesToJSON, parseMessages } from '../../src/persistence/index.js';
import { answerApprovals, type ExecutionLog, scenarioAgent } from './approval-scenario.js';

const stored = JSON.parse(readFileSync(0, 'utf8')) as Record<'fantasy-ts' | 'fantasy-go', string>;

async function resume(format: 'fantasy-ts' | 'fantasy-go') {
  const text = stored[format];
  const history = format === 'fantasy-go' ? fromFantasyJSON(text) : parseMessages(text);
  const log: ExecutionLog = [];
  // The paused run's result is gone with its process: the pending requests are read from the history.
  const answers = answerApprovals(pendingApprovalsOf(history));
  const resumed = await scenarioAgent(log).generate({ messages: [...history, ...answers] });
  return {
    log,
    text: resumed.response.content,
    messages: messagesToJSON([...history, ...answers, ...resumed.messages]),
  };
}

process.stdout.write(
  JSON.stringify({ 'fantasy-ts': await resume('fantasy-ts'), 'fantasy-go': await resume('fantasy-go') }),
);
