export { type DefaultSettings, defaultSettingsMiddleware } from './default-settings-middleware.js';
export { type ExtractReasoningOptions, extractReasoningMiddleware } from './extract-reasoning-middleware.js';
export type { LanguageModelMiddleware, MiddlewareCallType } from './language-model-middleware.js';
export { simulateStreamingMiddleware } from './simulate-streaming-middleware.js';
export { type TaggedSegment, TaggedTextSplitter } from './split-tagged-text.js';
export { type WrapLanguageModelOptions, wrapLanguageModel } from './wrap-language-model.js';
