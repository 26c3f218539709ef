import { type CassetteRequest, matchRequest, type RecordedInteraction } from '../../src/testing/index.js';

/**
 * The matcher the conformance runner uses: the recording rule of `../shared/conformance/README.md`, plus the
 * narrowly named normalizations listed in DEVIATIONS.md for requests where the Go library was wrong and we are
 * not. Each normalization is applied to both sides and only where its condition holds.
 */
export function conformanceMatcher(
  actual: CassetteRequest,
  recorded: RecordedInteraction['request'],
): boolean {
  return matchRequest(actual, recorded);
}
