import type { Provider } from '../spec/language-model.js';
import { createLlamaCpp, type LlamaCppProvider } from './create-llama-cpp.js';

/**
 * The `fantasy --provider llamacpp --model path/to/model.gguf` provider: the model id is the GGUF path
 * (a relative path is taken from the working directory), loaded once per path. HTTP settings (key, base URL, fetch) do
 * not apply and are ignored.
 */
export function createLlamaCppCliProvider(): Provider {
  const loaded = new Map<string, LlamaCppProvider>();
  return {
    name: 'llamacpp',
    languageModel(modelId: string) {
      const modelPath = modelId;
      let provider = loaded.get(modelPath);
      if (provider === undefined) {
        provider = createLlamaCpp({ modelPath });
        loaded.set(modelPath, provider);
      }
      return provider.languageModel(modelId);
    },
  };
}
