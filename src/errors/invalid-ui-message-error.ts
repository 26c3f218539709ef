import { FantasyError, type FantasyErrorOptions, isMarked } from './fantasy-error.js';

/**
 * A chat request body or UI message could not be read: not JSON, a missing field, a value of the wrong
 * type. `path` says where (`messages[1].parts[0].toolCallId`). Answer it with a 400: the page sent it.
 */
export class InvalidUIMessageError extends FantasyError {
  /** Where in the body the problem is; `''` for the body itself. */
  readonly path: string;
  /** The HTTP status to answer with. */
  readonly statusCode = 400;

  constructor(options: { message: string; path: string } & FantasyErrorOptions) {
    super(
      `invalid chat request${options.path === '' ? '' : ` at ${options.path}`}: ${options.message}`,
      options,
    );
    this.name = 'InvalidUIMessageError';
    this.path = options.path;
  }

  static override isInstance(error: unknown): error is InvalidUIMessageError {
    return isMarked(error, 'InvalidUIMessageError');
  }
}
