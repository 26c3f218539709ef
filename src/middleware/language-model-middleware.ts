import type { CallOptions } from '../spec/call-options.js';
import type { GenerateResult } from '../spec/generate-result.js';
import type { LanguageModel } from '../spec/language-model.js';
import type { ObjectCallOptions, ObjectResult, ObjectStreamPart } from '../spec/object.js';
import type { StreamPart } from '../spec/stream-part.js';

/** Which call a middleware sees. */
export type MiddlewareCallType = 'generate' | 'stream' | 'generate-object' | 'stream-object';

/**
 * Wraps a model's calls. Every hook is optional; `transformParams` runs first, then the wrap hooks, each
 * getting `doGenerate`/`doStream` (the next middleware, or the model) and the model itself.
 */
export interface LanguageModelMiddleware {
  /** Rewrites the options of a text call (generate and stream) before it goes out. */
  transformParams?: (options: {
    type: 'generate' | 'stream';
    params: CallOptions;
    model: LanguageModel;
  }) => CallOptions | Promise<CallOptions>;
  /** Rewrites the options of an object call before it goes out. */
  transformObjectParams?: (options: {
    type: 'generate-object' | 'stream-object';
    params: ObjectCallOptions;
    model: LanguageModel;
  }) => ObjectCallOptions | Promise<ObjectCallOptions>;
  wrapGenerate?: (options: {
    doGenerate: () => Promise<GenerateResult>;
    params: CallOptions;
    model: LanguageModel;
  }) => Promise<GenerateResult>;
  wrapStream?: (options: {
    doStream: () => Promise<AsyncIterable<StreamPart>>;
    params: CallOptions;
    model: LanguageModel;
  }) => Promise<AsyncIterable<StreamPart>>;
  wrapGenerateObject?: (options: {
    doGenerate: () => Promise<ObjectResult>;
    params: ObjectCallOptions;
    model: LanguageModel;
  }) => Promise<ObjectResult>;
  wrapStreamObject?: (options: {
    doStream: () => Promise<AsyncIterable<ObjectStreamPart>>;
    params: ObjectCallOptions;
    model: LanguageModel;
  }) => Promise<AsyncIterable<ObjectStreamPart>>;
}
