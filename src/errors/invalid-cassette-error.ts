import { FantasyError, type FantasyErrorOptions, isMarked } from './fantasy-error.js';

/** A cassette file is not go-vcr "version: 2" YAML of the expected shape; the message says where. */
export class InvalidCassetteError extends FantasyError {
  /** The cassette file, when the text came from one. */
  readonly path: string | undefined;

  constructor(options: { message: string; path?: string | undefined } & FantasyErrorOptions) {
    super(
      `invalid cassette${options.path === undefined ? '' : ` ${options.path}`}: ${options.message}`,
      options,
    );
    this.name = 'InvalidCassetteError';
    this.path = options.path;
  }

  static override isInstance(error: unknown): error is InvalidCassetteError {
    return isMarked(error, 'InvalidCassetteError');
  }
}
