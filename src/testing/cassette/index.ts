export { CassetteMissError, type CassetteMissReason } from '../../errors/cassette-miss-error.js';
export { InvalidCassetteError } from '../../errors/invalid-cassette-error.js';
export type {
  Cassette,
  CassetteBody,
  CassetteHeaders,
  CassetteRequest,
  RecordedInteraction,
  RecordedRequest,
  RecordedResponse,
} from './cassette.js';
export { readCassetteFile, writeCassetteFile } from './cassette-file.js';
export {
  type CassetteFetch,
  type CassetteFetchOptions,
  type CassetteMode,
  createCassetteFetch,
} from './create-cassette-fetch.js';
export { describeRequestDifference } from './describe-request-difference.js';
export { defaultMatcher, matchRequest } from './match-request.js';
export { parseCassette } from './parse-cassette.js';
export {
  type CassetteRedactOptions,
  defaultRedactedHeaders,
  defaultRedactedQueryParameters,
} from './redact-interaction.js';
export { stringifyCassette } from './stringify-cassette.js';
