import { InvalidArgumentError } from '../errors/invalid-argument-error.js';
import { type FilePart, type Message, systemMessage, userMessage } from '../spec/message.js';

/** The pieces of an agent's initial prompt. */
export interface CreatePromptOptions {
  system?: string | undefined;
  prompt?: string | undefined;
  files?: FilePart[] | undefined;
  messages?: Message[] | undefined;
}

/**
 * Builds `[system (if any), ...messages, user(prompt, ...files) (if a prompt)]`. An empty prompt is allowed
 * only to continue a conversation: with messages, no files, and a last message from the user or a tool.
 */
export function createPrompt(options: CreatePromptOptions): Message[] {
  const messages = options.messages ?? [];
  const files = options.files ?? [];
  const prompt = options.prompt ?? '';
  if (prompt === '') assertCanContinue(messages, files);
  return [
    ...(options.system ? [systemMessage(options.system)] : []),
    ...messages,
    ...(prompt === '' ? [] : [userMessage(prompt, ...files)]),
  ];
}

function assertCanContinue(messages: Message[], files: FilePart[]): void {
  const last = messages.at(-1);
  if (last === undefined) throw emptyPromptError('there are no messages');
  if (files.length > 0) throw emptyPromptError('there are files');
  if (last.role !== 'user' && last.role !== 'tool') {
    throw emptyPromptError('the last message is not a user or tool message');
  }
}

function emptyPromptError(reason: string): InvalidArgumentError {
  return new InvalidArgumentError({ argument: 'prompt', message: `prompt can't be empty when ${reason}` });
}
