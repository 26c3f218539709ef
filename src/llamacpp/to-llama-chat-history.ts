import type { ChatHistoryItem, ChatModelFunctionCall, ChatModelResponse } from 'node-llama-cpp';
import type { Message, ToolResultOutput } from '../spec/message.js';

/**
 * The prompt as node-llama-cpp's chat history, ending with the empty model turn to be generated. Tool
 * results are attached to the model's function call they answer; files are dropped (the caller warns).
 */
export function toLlamaChatHistory(prompt: readonly Message[]): ChatHistoryItem[] {
  const history: ChatHistoryItem[] = [];
  const calls = new Map<string, ChatModelFunctionCall>();
  for (const message of prompt) {
    if (message.role === 'system') history.push({ type: 'system', text: textOfParts(message) });
    else if (message.role === 'user') history.push({ type: 'user', text: textOfParts(message) });
    else if (message.role === 'assistant') history.push(toModelItem(message, calls));
    else attachToolResults(message, calls);
  }
  history.push({ type: 'model', response: [] });
  return history;
}

function textOfParts(message: Message): string {
  return message.content
    .map((part) => (part.type === 'text' ? part.text : ''))
    .filter((text) => text !== '')
    .join('\n');
}

function toModelItem(message: Message, calls: Map<string, ChatModelFunctionCall>): ChatModelResponse {
  const response: ChatModelResponse['response'] = [];
  for (const part of message.content) {
    if (part.type === 'text') response.push(part.text);
    else if (part.type === 'reasoning')
      response.push({ type: 'segment', segmentType: 'thought', text: part.text, ended: true });
    else if (part.type === 'tool-call' && !part.providerExecuted) {
      const call: ChatModelFunctionCall = {
        type: 'functionCall',
        name: part.toolName,
        params: parseInput(part.input),
        result: undefined,
      };
      calls.set(part.toolCallId, call);
      response.push(call);
    }
  }
  return { type: 'model', response };
}

function attachToolResults(message: Message, calls: Map<string, ChatModelFunctionCall>): void {
  for (const part of message.content) {
    if (part.type !== 'tool-result') continue;
    const call = calls.get(part.toolCallId);
    if (call) call.result = resultValue(part.output);
  }
}

function resultValue(output: ToolResultOutput): unknown {
  if (output.type === 'text') return output.text;
  if (output.type === 'json') return output.value;
  if (output.type === 'error') return { error: output.error };
  return output.text ?? `[${output.mediaType} omitted]`;
}

function parseInput(input: string): unknown {
  try {
    return JSON.parse(input);
  } catch {
    return input;
  }
}
