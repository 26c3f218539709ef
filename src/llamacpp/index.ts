export { createLlamaCpp, type LlamaCppProvider, type LlamaCppSettings } from './create-llama-cpp.js';
export { LlamaCppLanguageModel } from './llama-cpp-language-model.js';
