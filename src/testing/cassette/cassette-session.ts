import { CassetteMissError } from '../../errors/cassette-miss-error.js';
import { buildInteraction, type FinishedCall } from './build-interaction.js';
import type { CassetteRequest, RecordedInteraction, RecordedRequest } from './cassette.js';
import { readCassetteFile, writeCassetteFile } from './cassette-file.js';
import { createRecordingResponse } from './create-recording-response.js';
import { createReplayResponse } from './create-replay-response.js';
import { describeRequestDifference, findClosestInteraction } from './describe-request-difference.js';
import { readCassetteRequest, signalOf } from './read-cassette-request.js';
import type { Redaction } from './redact-interaction.js';
import { removeQueryParameters } from './remove-query-parameters.js';

/** How a cassette fetch behaves: replay from the file, record to it, record only if missing, or neither. */
export type CassetteMode = 'replay' | 'record' | 'record-once' | 'passthrough';

/** A session's resolved options. */
export interface CassetteSessionSettings {
  path: string;
  mode: CassetteMode;
  fetch: typeof fetch;
  match: (actual: CassetteRequest, recorded: RecordedRequest) => boolean;
  redaction: Redaction;
}

/**
 * The state behind one cassette fetch: the interactions loaded or recorded so far, which ones replay has
 * used, and the chain of file writes. Loads the file once, on the first request.
 */
export class CassetteSession {
  /** Loaded interactions in replay, recorded ones in record; a live array. */
  readonly interactions: RecordedInteraction[] = [];
  private readonly used: boolean[] = [];
  private resolvedMode: Promise<'replay' | 'record' | 'missing'> | undefined;
  private writes: Promise<void> = Promise.resolve();
  private writeFailure: { error: unknown } | undefined;

  constructor(private readonly settings: CassetteSessionSettings) {}

  /** Answers one fetch call according to the mode. */
  async fetch(input: Parameters<typeof fetch>[0], init?: RequestInit): Promise<Response> {
    if (this.settings.mode === 'passthrough') return this.settings.fetch(input, init);
    signalOf(input, init)?.throwIfAborted();
    this.resolvedMode ??= this.resolveMode();
    const mode = await this.resolvedMode;
    if (mode === 'missing')
      throw new CassetteMissError({ path: this.settings.path, reason: 'missing-cassette' });
    return mode === 'replay' ? this.replay(input, init) : this.record(input, init);
  }

  /** Waits for every write started so far; rejects with the first write that failed. */
  async done(): Promise<void> {
    await this.writes;
    if (this.writeFailure) throw this.writeFailure.error;
  }

  /** Interactions loaded for replay and not used yet. */
  remaining(): number {
    return this.used.filter((used) => !used).length;
  }

  private async resolveMode(): Promise<'replay' | 'record' | 'missing'> {
    if (this.settings.mode === 'record') return 'record';
    const cassette = await readCassetteFile(this.settings.path);
    if (!cassette) return this.settings.mode === 'record-once' ? 'record' : 'missing';
    this.interactions.push(...cassette.interactions);
    this.used.push(...cassette.interactions.map(() => false));
    return 'replay';
  }

  private async replay(input: Parameters<typeof fetch>[0], init: RequestInit | undefined): Promise<Response> {
    const request = new Request(input, init);
    const read = await readCassetteRequest(request);
    // A key configured for the replay (`?key=…`) was never written, so it must not take part in matching.
    const actual = { ...read, url: removeQueryParameters(read.url, this.settings.redaction.queryParameters) };
    const index = this.interactions.findIndex(
      (interaction, position) => !this.used[position] && this.settings.match(actual, interaction.request),
    );
    const interaction = this.interactions[index];
    if (!interaction) throw this.missError(actual);
    this.used[index] = true;
    const signal = signalOf(input, init);
    signal?.throwIfAborted();
    return createReplayResponse({ response: interaction.response, url: request.url, signal });
  }

  private missError(actual: CassetteRequest): CassetteMissError {
    const unused = this.interactions.filter((_, position) => !this.used[position]);
    const closest = findClosestInteraction(actual, unused);
    const request = { method: actual.method, url: actual.url };
    if (!closest) return new CassetteMissError({ path: this.settings.path, reason: 'no-match', request });
    const differences = describeRequestDifference(actual, closest.request);
    if (differences.length === 0)
      differences.push('nothing under the default rule; the match option rejected it');
    return new CassetteMissError({
      path: this.settings.path,
      reason: 'no-match',
      request,
      closestId: closest.id,
      differences,
    });
  }

  private async record(input: Parameters<typeof fetch>[0], init: RequestInit | undefined): Promise<Response> {
    const startedAt = performance.now();
    const request = new Request(input, init);
    // The clone goes to the network; the original is read for the cassette.
    const forwarded = request.clone();
    const actual = await readCassetteRequest(request);
    const response = await this.settings.fetch(forwarded);
    return createRecordingResponse(response, (responseBody) =>
      this.save({
        request: actual,
        response,
        responseBody,
        durationMilliseconds: performance.now() - startedAt,
      }),
    );
  }

  private save(call: Omit<FinishedCall, 'id' | 'redaction'>): void {
    const id = this.interactions.length;
    this.interactions.push(buildInteraction({ ...call, id, redaction: this.settings.redaction }));
    this.writes = this.writes
      .then(() => writeCassetteFile(this.settings.path, { interactions: [...this.interactions] }))
      .catch((error: unknown) => {
        this.writeFailure ??= { error };
      });
  }
}
