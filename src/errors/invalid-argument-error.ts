import { FantasyError, type FantasyErrorOptions, isMarked } from './fantasy-error.js';

/** A call was made with arguments that cannot work; the message says which and how to fix it. */
export class InvalidArgumentError extends FantasyError {
  /** The argument at fault, e.g. `prompt` or `apiKey`. */
  readonly argument: string;

  constructor(options: { argument: string; message: string } & FantasyErrorOptions) {
    super(`invalid argument: ${options.message}`, options);
    this.name = 'InvalidArgumentError';
    this.argument = options.argument;
  }

  static override isInstance(error: unknown): error is InvalidArgumentError {
    return isMarked(error, 'InvalidArgumentError');
  }
}
