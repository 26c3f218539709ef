export { APICallError, type APICallErrorOptions, isRetryableStatus } from './api-call-error.js';
export { FantasyError, type FantasyErrorOptions } from './fantasy-error.js';
export { IncompleteStreamError } from './incomplete-stream-error.js';
export { InvalidArgumentError } from './invalid-argument-error.js';
export { InvalidResponseError } from './invalid-response-error.js';
export { LoadAPIKeyError } from './load-api-key-error.js';
export { RetryError } from './retry-error.js';
export { NoObjectGeneratedError, type ObjectIssue } from './no-object-generated-error.js';
