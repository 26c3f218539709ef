import { FantasyError, type FantasyErrorOptions, isMarked } from './fantasy-error.js';

/** Why a cassette could not answer: the file does not exist, or no unused interaction matches. */
export type CassetteMissReason = 'missing-cassette' | 'no-match';

/** What is known about a request a cassette could not answer. */
export interface CassetteMissErrorOptions extends FantasyErrorOptions {
  /** The cassette file. */
  path: string;
  reason: CassetteMissReason;
  /** The request that missed, when there was one to match. */
  request?: { method: string; url: string };
  /** The id of the unused recorded interaction closest to the request; absent when none is left. */
  closestId?: number;
  /** How the request differs from the closest unused recorded request, one line per difference. */
  differences?: readonly string[];
}

/**
 * A cassette in replay could not answer a request: its file is missing, or none of its unused interactions
 * matches. The message names the cassette, the request, and how it differs from the closest recording.
 */
export class CassetteMissError extends FantasyError {
  readonly path: string;
  readonly reason: CassetteMissReason;
  readonly method: string | undefined;
  readonly url: string | undefined;
  readonly closestId: number | undefined;
  readonly differences: readonly string[];

  constructor(options: CassetteMissErrorOptions) {
    super(describeMiss(options), options);
    this.name = 'CassetteMissError';
    this.path = options.path;
    this.reason = options.reason;
    this.method = options.request?.method;
    this.url = options.request?.url;
    this.closestId = options.closestId;
    this.differences = options.differences ?? [];
  }

  static override isInstance(error: unknown): error is CassetteMissError {
    return isMarked(error, 'CassetteMissError');
  }
}

function describeMiss(options: CassetteMissErrorOptions): string {
  if (options.reason === 'missing-cassette') {
    return `cassette ${options.path} does not exist. Record it first with mode 'record' (or 'record-once').`;
  }
  const request = options.request ? `${options.request.method} ${options.request.url}` : 'the request';
  const summary = `cassette ${options.path} has no unused interaction matching ${request}`;
  if (options.closestId === undefined) return `${summary} (every recorded interaction has been used)`;
  const details = (options.differences ?? []).map((line) => `\n  ${line}`).join('');
  return `${summary}; the closest unused one, interaction ${options.closestId}, differs:${details}`;
}
