import { FantasyError, type FantasyErrorOptions, isMarked } from './fantasy-error.js';

/** The stored formats a conversation can be read from. */
export type ConversationFormat = 'fantasy-ts' | 'fantasy-go';

/**
 * Stored conversation data (messages, content, a response) could not be read: it is not JSON, a value has
 * the wrong type, or a type tag is unknown. `path` says where, e.g. `messages[2].content[0].output`.
 */
export class InvalidConversationError extends FantasyError {
  /** Where in the document the problem is; `''` for the document itself. */
  readonly path: string;
  /** `fantasy-ts` for `parseMessages`/`parseResponse`, `fantasy-go` for `fromFantasyJSON`. */
  readonly format: ConversationFormat;

  constructor(options: { message: string; path: string; format: ConversationFormat } & FantasyErrorOptions) {
    super(
      `invalid ${options.format} conversation${options.path === '' ? '' : ` at ${options.path}`}: ${options.message}`,
      options,
    );
    this.name = 'InvalidConversationError';
    this.path = options.path;
    this.format = options.format;
  }

  static override isInstance(error: unknown): error is InvalidConversationError {
    return isMarked(error, 'InvalidConversationError');
  }
}
