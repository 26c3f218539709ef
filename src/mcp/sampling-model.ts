import { textOf } from '../spec/content.js';
import type { FinishReason } from '../spec/finish-reason.js';
import type { LanguageModel } from '../spec/language-model.js';
import type { Message } from '../spec/message.js';
import { convertMCPPromptMessages, type MCPPromptMessage } from './convert-mcp-prompt.js';
import type { MCPSamplingHandler } from './mcp-options.js';

/**
 * Answers a server's sampling requests (`sampling/createMessage`) with `model`: the request's messages and
 * system prompt become the prompt, `maxTokens` and `temperature` are passed on, the text answer goes back.
 *
 * @example
 * const client = await createMCPClient({ transport, onSampling: samplingModel(model) });
 */
export function samplingModel(model: LanguageModel): MCPSamplingHandler {
  return async (request, { abortSignal }) => {
    const prompt: Message[] = convertMCPPromptMessages(request.messages as MCPPromptMessage[]);
    if (request.systemPrompt)
      prompt.unshift({ role: 'system', content: [{ type: 'text', text: request.systemPrompt }] });
    const result = await model.generate({
      prompt,
      maxOutputTokens: request.maxTokens,
      ...(request.temperature === undefined ? {} : { temperature: request.temperature }),
      abortSignal,
    });
    return {
      role: 'assistant',
      content: { type: 'text', text: textOf(result.content) },
      model: model.modelId,
      stopReason: toStopReason(result.finishReason),
    };
  };
}

function toStopReason(reason: FinishReason): string {
  if (reason === 'stop') return 'endTurn';
  if (reason === 'length') return 'maxTokens';
  return reason;
}
