import { FantasyError, type FantasyErrorOptions, isMarked } from './fantasy-error.js';
import type { ObjectIssue } from './no-object-generated-error.js';

/**
 * A tool call the agent could not run: unknown tool, input that is not a JSON object, a missing required
 * parameter or a schema violation. The agent sends the message back to the model as an error result.
 */
export class InvalidToolCallError extends FantasyError {
  readonly toolName: string;
  /** The input as the model wrote it. */
  readonly input: string;
  /** Schema violations, when the input parsed but did not validate. */
  readonly issues: readonly ObjectIssue[];

  constructor(
    options: {
      message: string;
      toolName: string;
      input: string;
      issues?: ObjectIssue[];
    } & FantasyErrorOptions,
  ) {
    super(options.message, options);
    this.name = 'InvalidToolCallError';
    this.toolName = options.toolName;
    this.input = options.input;
    this.issues = options.issues ?? [];
  }

  static override isInstance(error: unknown): error is InvalidToolCallError {
    return isMarked(error, 'InvalidToolCallError');
  }
}
