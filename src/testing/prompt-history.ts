import type { Message } from '../spec/message.js';

/** One message of a recorded prompt, linked to the message before it; prompts with a common start share nodes. */
interface PromptNode {
  readonly message: Message;
  readonly previous: PromptNode | undefined;
  readonly length: number;
}

/**
 * The prompts of successive calls, kept without copying them: a prompt that starts with the messages of the
 * previous one (by identity, as an agent's steps do) stores only its new messages. Ten thousand steps of a
 * growing conversation keep one node per message, not one reference per message per step.
 */
export class PromptHistory {
  /** Nodes of the last prompt, by position. */
  #lastNodes: PromptNode[] = [];
  #lastPrompt: readonly Message[] = [];
  #nodeCount = 0;

  /** Message nodes kept for all prompts together: what the history costs in memory. */
  get nodeCount(): number {
    return this.#nodeCount;
  }

  /** Stores a prompt; the returned function gives it back as a new array. */
  add(prompt: readonly Message[]): () => Message[] {
    const shared = commonPrefixLength(prompt, this.#lastPrompt);
    const nodes = this.#lastNodes.slice(0, shared);
    for (let index = shared; index < prompt.length; index += 1) {
      nodes.push({ message: prompt[index]!, previous: nodes[index - 1], length: index + 1 });
    }
    this.#nodeCount += prompt.length - shared;
    this.#lastNodes = nodes;
    // A copy: a caller may append to the same array for its next call, which must not look shared.
    this.#lastPrompt = prompt.slice();
    const last = nodes[nodes.length - 1];
    return () => readPrompt(last);
  }
}

function commonPrefixLength(prompt: readonly Message[], previous: readonly Message[]): number {
  let length = 0;
  while (length < prompt.length && length < previous.length && prompt[length] === previous[length])
    length += 1;
  return length;
}

function readPrompt(last: PromptNode | undefined): Message[] {
  const messages = new Array<Message>(last?.length ?? 0);
  for (let node = last; node !== undefined; node = node.previous) messages[node.length - 1] = node.message;
  return messages;
}
