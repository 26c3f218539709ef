import { type Agent, createAgent, jsonSchema, type LanguageModel, tool } from '../../../src/index.js';
import type { RunRecord } from './run-log.js';

interface Email {
  to: string;
  subject: string;
  body: string;
}

/**
 * The example's agent: it can send an email, and every email waits for the user's approval. The tool logs
 * itself into the run's record, so the test can check that no tool started after an abort.
 */
export function createChatAgent(model: LanguageModel, record: RunRecord): Agent {
  const sendEmail = tool({
    name: 'send_email',
    description: 'Sends an email. The user approves every email before it goes out.',
    inputSchema: jsonSchema<Email>({
      type: 'object',
      properties: { to: { type: 'string' }, subject: { type: 'string' }, body: { type: 'string' } },
      required: ['to', 'subject', 'body'],
    }),
    needsApproval: true,
    execute: async ({ to, subject }, { abortSignal }) => {
      record.toolsStarted.push('send_email');
      if (abortSignal?.aborted) record.toolsStartedAfterAbort++;
      return { sent: true, to, subject, messageId: 'msg-001' };
    },
  });
  return createAgent(model, {
    system: 'You are a helpful assistant. You can send emails with send_email; the user approves each one.',
    tools: [sendEmail],
  });
}
