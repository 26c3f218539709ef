/**
 * `fantasy-ts/testing`: record and replay real provider sessions (go-vcr v2 YAML cassettes), and a mock
 * language model for unit tests.
 */
export * from './cassette/index.js';
export { MockLanguageModel, type MockLanguageModelOptions, simulateStream } from './mock-language-model.js';
