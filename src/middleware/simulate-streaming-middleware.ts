import type { StreamPart } from '../spec/stream-part.js';
import type { LanguageModelMiddleware } from './language-model-middleware.js';

/**
 * Serves `stream` from `generate`: the complete answer as stream parts (one delta per text and reasoning
 * block, each tool call with its whole input), for models or servers that cannot stream.
 */
export function simulateStreamingMiddleware(): LanguageModelMiddleware {
  return {
    async wrapStream({ params, model }) {
      const result = await model.generate(params);
      const parts: StreamPart[] = [];
      if (result.warnings.length > 0) parts.push({ type: 'warnings', warnings: result.warnings });
      result.content.forEach((content, index) => {
        const id = String(index);
        if (content.type === 'text' || content.type === 'reasoning') {
          const kind = content.type;
          parts.push({ type: `${kind}-start`, id } as StreamPart);
          parts.push({ type: `${kind}-delta`, id, delta: content.text } as StreamPart);
          parts.push({
            type: `${kind}-end`,
            id,
            ...(content.providerMetadata ? { providerMetadata: content.providerMetadata } : {}),
          } as StreamPart);
        } else {
          parts.push(content as StreamPart);
        }
      });
      parts.push({
        type: 'finish',
        finishReason: result.finishReason,
        usage: result.usage,
        ...(result.providerMetadata === undefined ? {} : { providerMetadata: result.providerMetadata }),
      });
      return toAsyncIterable(parts);
    },
  };
}

async function* toAsyncIterable(parts: StreamPart[]): AsyncIterable<StreamPart> {
  yield* parts;
}
