import { type ApprovalRequest, approve, createAgent, deny, tool } from '../../src/agent/index.js';
import { jsonSchema } from '../../src/schema/json-schema-wrapper.js';
import type { CallOptions } from '../../src/spec/call-options.js';
import type { Message, ToolResultPart } from '../../src/spec/message.js';
import { MockLanguageModel } from '../../src/testing/mock-language-model.js';

/** Every tool execution of a scenario, in order, as `name:input`. */
export type ExecutionLog = string[];

const pathSchema = jsonSchema<{ path: string }>({
  type: 'object',
  properties: { path: { type: 'string' } },
  required: ['path'],
});

/**
 * A model whose answers depend only on its prompt: with no tool result yet it asks for three calls (one
 * needing no approval, two needing one); then it writes a text that lists every result it was sent, so the
 * final answer proves which history reached it.
 */
export function scenarioModel(): MockLanguageModel {
  return new MockLanguageModel({
    generate: (options: CallOptions) => {
      const results = toolResults(options.prompt);
      if (results.length === 0) {
        return {
          finishReason: 'tool-calls',
          content: [
            { type: 'tool-call', toolCallId: 'c-list', toolName: 'list', input: '{"path":"/data"}' },
            { type: 'tool-call', toolCallId: 'c-remove', toolName: 'remove', input: '{"path":"/data/a"}' },
            { type: 'tool-call', toolCallId: 'c-wipe', toolName: 'remove', input: '{"path":"/"}' },
          ],
        };
      }
      const summary = results.map((part) => `${part.toolCallId}=${JSON.stringify(part.output)}`).join('; ');
      return { content: [{ type: 'text', text: `Done. ${summary}` }] };
    },
  });
}

function toolResults(prompt: readonly Message[]): ToolResultPart[] {
  return prompt.flatMap((message) =>
    message.content.filter((part): part is ToolResultPart => part.type === 'tool-result'),
  );
}

/** The scenario's agent: `list` runs at once, `remove` needs approval. */
export function scenarioAgent(log: ExecutionLog) {
  const list = tool({
    name: 'list',
    description: 'Lists a directory',
    inputSchema: pathSchema,
    execute: ({ path }) => {
      log.push(`list:${path}`);
      return 'a b';
    },
  });
  const remove = tool({
    name: 'remove',
    description: 'Removes a file',
    inputSchema: pathSchema,
    needsApproval: true,
    execute: ({ path }) => {
      log.push(`remove:${path}`);
      return `removed ${path}`;
    },
  });
  return createAgent(scenarioModel(), { system: 'You tidy up.', tools: [list, remove] });
}

/** The initial prompt. */
export const scenarioPrompt: Message[] = [{ role: 'user', content: [{ type: 'text', text: 'Tidy /data' }] }];

/** The human's answers: approve removing a file, deny wiping the disk. */
export function answerApprovals(pending: ReadonlyArray<ApprovalRequest & { toolCallId: string }>): Message[] {
  return pending.map((request) =>
    request.toolCallId === 'c-wipe' ? deny(request, 'never wipe /') : approve(request),
  );
}
