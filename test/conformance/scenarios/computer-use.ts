import type { CallOptions, Message, StreamPart, ToolCallContent } from '../../../src/index.js';
import { textOf, toolCallsOf } from '../../../src/index.js';
import { SkipEntry } from '../adapter.js';
import { check, show } from '../check.js';
import type { ScenarioContext } from './context.js';

const screenshot =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8/5+hHgAHggJ/PchI7wAAAABJRU5ErkJggg==';

/** SCENARIOS.md §4: the model is called directly with the provider's computer-use tool, two turns. */
export async function runComputerUse(context: ScenarioContext): Promise<void> {
  const { entry } = context;
  const computer = context.adapter.computerUseTool?.(entry);
  if (computer === undefined) throw new SkipEntry(`${entry.provider} has no computer-use tool`);
  // Fantasy sends the definition after a JSON round trip (numbers become plain JSON numbers).
  const tools = [JSON.parse(JSON.stringify(computer))];
  const prompt: Message[] = [
    {
      role: 'system',
      content: [{ type: 'text', text: entry.systemPrompt ?? 'You are a helpful assistant' }],
    },
    { role: 'user', content: [{ type: 'text', text: entry.prompt ?? 'Take a screenshot of the desktop' }] },
  ];
  const first = await call(context, { prompt, tools });
  check(first.finishReason === 'tool-calls', `finish reason ${first.finishReason}`);
  check(first.toolCalls.length === 1, `expected 1 tool call, got ${first.toolCalls.length}`);
  const toolCall = first.toolCalls[0]!;
  check(
    toolCall.toolName === 'computer' && toolCall.input.includes('screenshot'),
    `tool call ${show(toolCall)}`,
  );
  const second = await call(context, {
    tools,
    prompt: [
      ...prompt,
      {
        role: 'assistant',
        content: [
          {
            type: 'tool-call',
            toolCallId: toolCall.toolCallId,
            toolName: toolCall.toolName,
            input: toolCall.input,
          },
        ],
      },
      {
        role: 'tool',
        content: [
          {
            type: 'tool-result',
            toolCallId: toolCall.toolCallId,
            toolName: toolCall.toolName,
            output: { type: 'media', data: screenshot, mediaType: 'image/png' },
          },
        ],
      },
    ],
  });
  check(
    second.text !== '' && second.text.includes('desktop'),
    `second answer lacks "desktop": ${show(second.text)}`,
  );
}

interface TurnResult {
  finishReason: string;
  toolCalls: ToolCallContent[];
  text: string;
}

async function call(context: ScenarioContext, options: CallOptions): Promise<TurnResult> {
  if (!context.entry.streaming) {
    const result = await context.model.generate(options);
    return {
      finishReason: result.finishReason,
      toolCalls: toolCallsOf(result.content),
      text: textOf(result.content),
    };
  }
  const turn: TurnResult = { finishReason: 'unknown', toolCalls: [], text: '' };
  for await (const part of await context.model.stream(options)) collect(turn, part);
  return turn;
}

function collect(turn: TurnResult, part: StreamPart): void {
  if (part.type === 'tool-call') turn.toolCalls = [part];
  else if (part.type === 'finish') turn.finishReason = part.finishReason;
  else if (part.type === 'text-delta') turn.text += part.delta;
  else if (part.type === 'error') throw part.error;
}
