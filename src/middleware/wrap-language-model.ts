import type { CallOptions } from '../spec/call-options.js';
import type { LanguageModel } from '../spec/language-model.js';
import type { ObjectCallOptions } from '../spec/object.js';
import type { LanguageModelMiddleware } from './language-model-middleware.js';

/** What `wrapLanguageModel` needs. */
export interface WrapLanguageModelOptions {
  model: LanguageModel;
  /** Applied in order: the first is the outermost, so it sees the call first and the result last. */
  middleware: LanguageModelMiddleware | readonly LanguageModelMiddleware[];
  /** Replaces the reported model id. */
  modelId?: string;
  /** Replaces the reported provider name. */
  provider?: string;
}

/**
 * A model whose calls go through middleware: defaults, logging, caching, reasoning extraction, telemetry.
 *
 * @example
 * const model = wrapLanguageModel({
 *   model: createOpenAI().languageModel('gpt-4o-mini'),
 *   middleware: [defaultSettingsMiddleware({ settings: { temperature: 0 } }), extractReasoningMiddleware({ tagName: 'think' })],
 * });
 */
export function wrapLanguageModel(options: WrapLanguageModelOptions): LanguageModel {
  const list = Array.isArray(options.middleware)
    ? (options.middleware as readonly LanguageModelMiddleware[])
    : [options.middleware as LanguageModelMiddleware];
  const wrapped = [...list].reverse().reduce(wrapOnce, options.model);
  if (options.modelId === undefined && options.provider === undefined) return wrapped;
  return {
    ...wrapped,
    provider: options.provider ?? wrapped.provider,
    modelId: options.modelId ?? wrapped.modelId,
  };
}

/** One middleware around one model. */
function wrapOnce(model: LanguageModel, middleware: LanguageModelMiddleware): LanguageModel {
  const textParams = async (type: 'generate' | 'stream', params: CallOptions) =>
    middleware.transformParams ? middleware.transformParams({ type, params, model }) : params;
  const objectParams = async (type: 'generate-object' | 'stream-object', params: ObjectCallOptions) =>
    middleware.transformObjectParams ? middleware.transformObjectParams({ type, params, model }) : params;
  return {
    provider: model.provider,
    modelId: model.modelId,
    async generate(input) {
      const params = await textParams('generate', input);
      const doGenerate = () => model.generate(params);
      return middleware.wrapGenerate ? middleware.wrapGenerate({ doGenerate, params, model }) : doGenerate();
    },
    async stream(input) {
      const params = await textParams('stream', input);
      const doStream = () => model.stream(params);
      return middleware.wrapStream ? middleware.wrapStream({ doStream, params, model }) : doStream();
    },
    async generateObject(input) {
      const params = await objectParams('generate-object', input);
      const doGenerate = () => model.generateObject(params);
      return middleware.wrapGenerateObject
        ? middleware.wrapGenerateObject({ doGenerate, params, model })
        : doGenerate();
    },
    async streamObject(input) {
      const params = await objectParams('stream-object', input);
      const doStream = () => model.streamObject(params);
      return middleware.wrapStreamObject
        ? middleware.wrapStreamObject({ doStream, params, model })
        : doStream();
    },
  };
}
