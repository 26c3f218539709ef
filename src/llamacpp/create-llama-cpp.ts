import type { ChatWrapper, Llama, LlamaContext, LlamaContextSequence, LlamaModel } from 'node-llama-cpp';
import { InvalidArgumentError } from '../errors/invalid-argument-error.js';
import type { Provider } from '../spec/language-model.js';
import { LlamaCppLanguageModel } from './llama-cpp-language-model.js';
import { SequencePool } from './sequence-pool.js';

/** How the in-process llama.cpp provider loads its model. */
export interface LlamaCppSettings {
  /** Path of the GGUF file. */
  modelPath: string;
  /** Tokens of context per sequence. @default 4096, capped to the model's training context */
  contextSize?: number;
  /** Layers offloaded to the GPU; `0` keeps everything on the CPU. @default 0 */
  gpuLayers?: number;
  /** CPU threads; unset lets llama.cpp choose. */
  threads?: number;
  /** The prompt format; unset lets node-llama-cpp pick one from the model's metadata. */
  chatWrapper?: ChatWrapper;
  /** Context sequences, i.e. calls sampled at the same time; further calls wait in a queue. @default 1 */
  sequences?: number;
}

/** A provider that runs one GGUF model in this process; `dispose()` frees it. */
export interface LlamaCppProvider extends Provider {
  /** The model of this provider; the id only names it in results (defaults to the model path). */
  languageModel(modelId?: string): LlamaCppLanguageModel;
  /** Frees the model, its contexts and llama.cpp; calls after this reject. */
  dispose(): Promise<void>;
}

/** The loaded pieces every call shares. */
export interface LlamaCppRuntime {
  llama: Llama;
  model: LlamaModel;
  context: LlamaContext;
  pool: SequencePool<LlamaContextSequence>;
  chatWrapper?: ChatWrapper;
}

/**
 * Runs a GGUF model in process through node-llama-cpp (an optional peer dependency, loaded on first use):
 * one loaded model shared by every call of every `languageModel()`, concurrent calls queued onto
 * `sequences` context sequences.
 */
export function createLlamaCpp(settings: LlamaCppSettings): LlamaCppProvider {
  if (typeof settings.modelPath !== 'string' || settings.modelPath === '') {
    throw new InvalidArgumentError({
      argument: 'modelPath',
      message: 'createLlamaCpp needs modelPath, the path of a GGUF model file',
    });
  }
  let loading: Promise<LlamaCppRuntime> | undefined;
  let disposed = false;
  const runtime = (): Promise<LlamaCppRuntime> => {
    if (disposed) return Promise.reject(disposedError());
    loading ??= loadRuntime(settings);
    return loading;
  };
  return {
    name: 'llamacpp',
    languageModel: (modelId?: string) => new LlamaCppLanguageModel(modelId ?? settings.modelPath, runtime),
    async dispose() {
      disposed = true;
      const current = loading;
      loading = undefined;
      if (current === undefined) return;
      const loaded = await current.catch(() => undefined);
      if (loaded === undefined) return;
      loaded.pool.close(disposedError());
      await loaded.llama.dispose();
    },
  };
}

async function loadRuntime(settings: LlamaCppSettings): Promise<LlamaCppRuntime> {
  const { getLlama, LlamaLogLevel } = await importNodeLlamaCpp();
  const gpuLayers = settings.gpuLayers ?? 0;
  const llama = await getLlama({
    gpu: gpuLayers > 0 ? 'auto' : false,
    build: 'never',
    skipDownload: true,
    progressLogs: false,
    logLevel: LlamaLogLevel.error,
  });
  try {
    const model = await llama.loadModel({ modelPath: settings.modelPath, gpuLayers });
    const sequences = Math.max(1, settings.sequences ?? 1);
    const trained = model.trainContextSize;
    const contextSize = Math.min(settings.contextSize ?? 4096, trained > 0 ? trained : 4096);
    const context = await model.createContext({
      contextSize,
      sequences,
      ...(settings.threads === undefined ? {} : { threads: settings.threads }),
    });
    const all = Array.from({ length: sequences }, () => context.getSequence());
    return {
      llama,
      model,
      context,
      pool: new SequencePool(all),
      ...(settings.chatWrapper ? { chatWrapper: settings.chatWrapper } : {}),
    };
  } catch (error) {
    await llama.dispose();
    throw new InvalidArgumentError({
      argument: 'modelPath',
      message: `llama.cpp could not load the model at ${settings.modelPath}: ${(error as Error).message}`,
      cause: error,
    });
  }
}

async function importNodeLlamaCpp(): Promise<typeof import('node-llama-cpp')> {
  try {
    return await import('node-llama-cpp');
  } catch (error) {
    throw new InvalidArgumentError({
      argument: 'modelPath',
      message:
        'fantasy-ts/llamacpp needs the optional peer dependency node-llama-cpp: npm i -E node-llama-cpp@3.21.1',
      cause: error,
    });
  }
}

function disposedError(): InvalidArgumentError {
  return new InvalidArgumentError({
    argument: 'provider',
    message: 'this llama.cpp provider was disposed; create a new one with createLlamaCpp',
  });
}
