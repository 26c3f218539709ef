/**
 * The command line cannot work as given (an unknown option, a missing API key, a schema file that is not
 * JSON). The message says what to change; the command exits with status 2.
 */
export class CliUsageError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'CliUsageError';
  }
}
