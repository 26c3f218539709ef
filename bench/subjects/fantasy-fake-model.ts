import type { CallOptions } from '../../src/spec/call-options.js';
import type { Content } from '../../src/spec/content.js';
import { withResultText } from '../../src/spec/generate-result.js';
import type { LanguageModel } from '../../src/spec/language-model.js';
import type { StreamPart } from '../../src/spec/stream-part.js';
import { emptyUsage } from '../../src/spec/usage.js';

/**
 * A scripted model for the agent case: it calls `lookup` unless the prompt already ends with a tool result,
 * then answers. It keeps no state and uses no timers, so every run costs the same.
 */
export function createFakeAgentModel(): LanguageModel {
  return {
    provider: 'bench',
    modelId: 'bench-model',
    generate: async (options) => {
      const answered = endsWithToolResult(options);
      return withResultText({
        content: answered ? answerContent : toolCallContent,
        finishReason: answered ? 'stop' : 'tool-calls',
        usage: emptyUsage(),
        warnings: [],
      });
    },
    stream: async (options) => streamParts(endsWithToolResult(options) ? answerParts : toolCallParts),
    generateObject: () => Promise.reject(new Error('not scripted')),
    streamObject: () => Promise.reject(new Error('not scripted')),
  };
}

function endsWithToolResult(options: CallOptions): boolean {
  return options.prompt.at(-1)?.role === 'tool';
}

async function* streamParts(parts: readonly StreamPart[]): AsyncGenerator<StreamPart> {
  for (const part of parts) yield part;
}

const toolCall = {
  type: 'tool-call',
  toolCallId: 'call-1',
  toolName: 'lookup',
  input: '{"query":"Paris"}',
} as const;
const toolCallContent: Content[] = [toolCall];
const answerContent: Content[] = [{ type: 'text', text: 'Paris is found.' }];

const toolCallParts: StreamPart[] = [
  { type: 'tool-input-start', id: 'call-1', toolName: 'lookup' },
  { type: 'tool-input-delta', id: 'call-1', delta: '{"query":"Paris"}' },
  { type: 'tool-input-end', id: 'call-1' },
  toolCall,
  { type: 'finish', finishReason: 'tool-calls', usage: emptyUsage() },
];

const answerParts: StreamPart[] = [
  { type: 'text-start', id: 'text-1' },
  { type: 'text-delta', id: 'text-1', delta: 'Paris is found.' },
  { type: 'text-end', id: 'text-1' },
  { type: 'finish', finishReason: 'stop', usage: emptyUsage() },
];

/**
 * A scripted model that calls `lookup` on every step, never answering: the long-run case's model.
 * `onCall` runs at each call (the case timestamps steps with it).
 */
export function createLoopingAgentModel(onCall: () => void): LanguageModel {
  return {
    provider: 'bench',
    modelId: 'bench-looping-model',
    generate: async () => {
      onCall();
      return withResultText({
        content: toolCallContent,
        finishReason: 'tool-calls',
        usage: emptyUsage(),
        warnings: [],
      });
    },
    stream: async () => {
      onCall();
      return streamParts(toolCallParts);
    },
    generateObject: () => Promise.reject(new Error('not scripted')),
    streamObject: () => Promise.reject(new Error('not scripted')),
  };
}
