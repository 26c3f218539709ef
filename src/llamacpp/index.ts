export { createLlamaCpp, type LlamaCppProvider, type LlamaCppSettings } from './create-llama-cpp.js';
export { createLlamaCppCliProvider } from './create-llama-cpp-cli-provider.js';
export { LlamaCppLanguageModel } from './llama-cpp-language-model.js';
