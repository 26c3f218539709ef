import { InvalidArgumentError } from '../../errors/invalid-argument-error.js';
import type { CassetteRequest, RecordedInteraction } from './cassette.js';
import { type CassetteMode, CassetteSession } from './cassette-session.js';
import { matchRequest } from './match-request.js';
import { type CassetteRedactOptions, createRedaction } from './redact-interaction.js';

export type { CassetteMode } from './cassette-session.js';

/** Options of `createCassetteFetch`. */
export interface CassetteFetchOptions {
  /** The cassette file (go-vcr "version: 2" YAML). */
  path: string;
  /**
   * `replay` answers from the file; `record` calls the real fetch and writes every interaction (starting a
   * fresh file); `record-once` replays when the file exists and records otherwise; `passthrough` only calls
   * the real fetch.
   * @default 'replay'
   */
  mode?: CassetteMode;
  /** The real fetch, used when recording or passing through. @default globalThis.fetch */
  fetch?: typeof fetch;
  /** Decides whether a request matches a recorded one. @default matchRequest */
  match?: (actual: CassetteRequest, recorded: RecordedInteraction['request']) => boolean;
  /** Extra header and query parameter names to strip when writing, added to the defaults. */
  redact?: CassetteRedactOptions;
}

/** A `fetch` that answers from, or records to, a cassette file. */
export interface CassetteFetch {
  (input: Parameters<typeof fetch>[0], init?: RequestInit): Promise<Response>;
  /** Waits until every recorded interaction has been written; rejects if a write failed. */
  done(): Promise<void>;
  /** How many loaded interactions replay has not used yet (0 until the first request loads the file). */
  remaining(): number;
  /** The interactions loaded (replay) or recorded so far (record), in order; a live view. */
  readonly interactions: readonly RecordedInteraction[];
}

const modes: readonly CassetteMode[] = ['replay', 'record', 'record-once', 'passthrough'];

/**
 * Creates a `fetch` that records HTTP interactions to a cassette file and replays them, in the go-vcr format
 * Fantasy (Go) uses. Pass it as a provider's `fetch` to test against recorded sessions without a network.
 * In replay each request takes the first unused recorded interaction that matches it; a request that
 * matches none rejects with a `CassetteMissError` showing how it differs from the closest one.
 * Credentials (API key headers, `?key=` parameters) are never written.
 *
 * @example
 * const fetch = createCassetteFetch({ path: 'testdata/simple.yaml', mode: 'record-once' });
 * const model = createOpenAI({ apiKey: process.env.OPENAI_API_KEY ?? 'replay', fetch }).chat('gpt-4o');
 * const { text } = await model.generate({ prompt: [userMessage('Say hi in Portuguese')] });
 * await fetch.done(); // the cassette is on disk
 */
export function createCassetteFetch(options: CassetteFetchOptions): CassetteFetch {
  const mode = options.mode ?? 'replay';
  if (!modes.includes(mode)) {
    throw new InvalidArgumentError({ argument: 'mode', message: `mode must be one of ${modes.join(', ')}` });
  }
  const session = new CassetteSession({
    path: options.path,
    mode,
    fetch: options.fetch ?? ((input, init) => globalThis.fetch(input, init)),
    match: options.match ?? matchRequest,
    redaction: createRedaction(options.redact),
  });
  const cassetteFetch = (input: Parameters<typeof fetch>[0], init?: RequestInit) =>
    session.fetch(input, init);
  return Object.assign(cassetteFetch, {
    done: () => session.done(),
    remaining: () => session.remaining(),
    interactions: session.interactions,
  });
}
