import { APICallError } from '../errors/api-call-error.js';
import { CassetteMissError } from '../errors/cassette-miss-error.js';
import { FantasyError } from '../errors/fantasy-error.js';
import { InvalidArgumentError } from '../errors/invalid-argument-error.js';
import { InvalidConversationError } from '../errors/invalid-conversation-error.js';
import { LoadAPIKeyError } from '../errors/load-api-key-error.js';
import { NoObjectGeneratedError } from '../errors/no-object-generated-error.js';
import { NoSuchProviderError } from '../errors/no-such-provider-error.js';
import { RetryError } from '../errors/retry-error.js';
import { CliUsageError } from './cli-usage-error.js';

/** Exit status: the command line or its setup must change (2), or the run failed (1). */
export type ExitCode = 1 | 2;

/** What to print for an error, and the status to exit with. */
export function describeCliError(error: unknown): { message: string; exitCode: ExitCode } {
  if (error instanceof CliUsageError) return { message: error.message, exitCode: 2 };
  if (LoadAPIKeyError.isInstance(error) || NoSuchProviderError.isInstance(error)) {
    return { message: error.message, exitCode: 2 };
  }
  if (InvalidArgumentError.isInstance(error) || InvalidConversationError.isInstance(error)) {
    return { message: error.message, exitCode: 2 };
  }
  // A request the cassette does not hold is the command line's to fix (prompt, options, file): say how it differs.
  const miss = cassetteMissOf(error);
  if (miss !== undefined) return { message: miss.message, exitCode: 2 };
  return { message: describeRuntimeError(error), exitCode: 1 };
}

function describeRuntimeError(error: unknown): string {
  if (RetryError.isInstance(error)) {
    const last = error.errors.at(-1);
    if (last !== undefined) return `${describeRuntimeError(last)}\n(${error.errors.length} attempts)`;
  }
  if (APICallError.isInstance(error)) return describeApiCallError(error);
  if (NoObjectGeneratedError.isInstance(error)) {
    const raw = error.rawText === '' ? '' : `\nthe model wrote: ${error.rawText.slice(0, 500)}`;
    return `${error.message}${raw}`;
  }
  if (CassetteMissError.isInstance(error)) return error.message;
  if (FantasyError.isInstance(error)) return error.message;
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}

/** The cassette miss behind an error, also when it ended a retried call. */
function cassetteMissOf(error: unknown): CassetteMissError | undefined {
  if (CassetteMissError.isInstance(error)) return error;
  if (RetryError.isInstance(error)) return error.errors.find((item) => CassetteMissError.isInstance(item));
  return undefined;
}

/**
 * The provider's own message first, then where and what status, then a hint for auth failures. Only an
 * answer with an HTTP status is "the provider answered"; a connection that failed says so.
 */
function describeApiCallError(error: APICallError): string {
  if (error.statusCode === undefined && error.title === 'connection error') {
    return `${error.providerMessage}\n${error.method} ${error.url}`;
  }
  const status = error.statusCode === undefined ? '' : ` (HTTP ${error.statusCode})`;
  const hint =
    error.statusCode === 401 || error.statusCode === 403
      ? '\ncheck the API key: the provider rejected it (pass --api-key-env NAME to read it from another variable)'
      : '';
  return `the provider answered with an error${status}: ${error.providerMessage}\n${error.method} ${error.url}${hint}`;
}
