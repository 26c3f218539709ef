import type { FinishReason } from '../spec/finish-reason.js';
import type { Usage } from '../spec/usage.js';
import { FantasyError, isMarked } from './fantasy-error.js';

/** One reason a text is not a valid object: a JSON parse error or a schema violation at a path. */
export interface ObjectIssue {
  /** `parse` when the text is not JSON, `validation` when the JSON breaks the schema. */
  kind: 'parse' | 'validation';
  message: string;
  /** JSON pointer of the offending value for validation issues, e.g. `/age`. */
  path?: string;
}

/**
 * The model answered, but not with a valid object. Not an HTTP error: the call succeeded and was paid for,
 * so the raw text, usage and finish reason are kept for the caller to inspect or repair.
 */
export class NoObjectGeneratedError extends FantasyError {
  readonly rawText: string;
  readonly issues: readonly ObjectIssue[];
  readonly usage: Usage | undefined;
  readonly finishReason: FinishReason | undefined;

  constructor(options: {
    message?: string | undefined;
    rawText: string;
    issues?: ObjectIssue[] | undefined;
    usage?: Usage | undefined;
    finishReason?: FinishReason | undefined;
    cause?: unknown;
  }) {
    const issues = options.issues ?? [];
    super(options.message ?? describe(issues), { cause: options.cause });
    this.name = 'NoObjectGeneratedError';
    this.rawText = options.rawText;
    this.issues = issues;
    this.usage = options.usage;
    this.finishReason = options.finishReason;
  }

  static override isInstance(error: unknown): error is NoObjectGeneratedError {
    return isMarked(error, 'NoObjectGeneratedError');
  }
}

function describe(issues: readonly ObjectIssue[]): string {
  const validation = issues.filter((issue) => issue.kind === 'validation');
  if (validation.length > 0) {
    const list = validation.map((issue) => `${issue.path ?? '/'}: ${issue.message}`).join('; ');
    return `no object generated: object validation failed: ${list}`;
  }
  const parse = issues.find((issue) => issue.kind === 'parse');
  if (parse) return `no object generated: failed to parse object: ${parse.message}`;
  return 'no object generated';
}
