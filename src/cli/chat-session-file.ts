import { readFile, rename, writeFile } from 'node:fs/promises';
import { parseMessages, serializeMessages } from '../persistence/serialize-messages.js';
import type { Message } from '../spec/message.js';

/** The conversation stored in `path`, or none when the file does not exist yet. */
export async function loadChatSession(path: string): Promise<Message[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ENOENT') return [];
    throw error;
  }
  return parseMessages(text);
}

/** Stores the conversation; written beside the file and renamed over it, so a crash never leaves half a file. */
export async function saveChatSession(path: string, messages: readonly Message[]): Promise<void> {
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, `${serializeMessages(messages)}\n`, 'utf8');
  await rename(temporary, path);
}
