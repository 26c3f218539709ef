import type { APICallError } from '../../errors/api-call-error.js';
import { refreshWith } from '../../http/auth-refresh.js';
import { postCall } from '../../http/post-json.js';
import { openSseStream, readJsonResponse } from '../../http/read-response.js';
import { reduceEvents } from '../../http/reduce-events.js';
import { generateWithRetry, streamWithRetry } from '../../http/retry-model-call.js';
import type { SseEvent } from '../../http/sse.js';
import { generateObjectWithMode } from '../../object/generate-object-with-mode.js';
import { resolveObjectMode } from '../../object/object-modes.js';
import { streamObjectWithMode } from '../../object/stream-object-with-mode.js';
import type { CallOptions } from '../../spec/call-options.js';
import type { CallWarning } from '../../spec/call-warning.js';
import type { GenerateResponse, GenerateResult } from '../../spec/generate-result.js';
import type { LanguageModel } from '../../spec/language-model.js';
import type { ObjectCallOptions, ObjectResult, ObjectStreamPart } from '../../spec/object.js';
import type { StreamPart } from '../../spec/stream-part.js';
import { mapOpenAIChatResponse } from './map-openai-chat-response.js';
import type { ChatCompletion } from './openai-chat-api.js';
import type { ChatDialect } from './openai-chat-dialect.js';
import { buildChatRequest } from './openai-chat-request.js';
import {
  createChatStreamState,
  endWithError,
  finishChatStream,
  reduceChatEvent,
} from './openai-chat-stream.js';

/** How a chat-completions model reaches its service. */
export interface OpenAIChatModelConfig {
  dialect: ChatDialect;
  /** Base URL without trailing slash, e.g. `https://api.openai.com/v1`. */
  baseURL: string;
  /** Auth and provider headers, computed per request (so a missing key fails the call, not the import). */
  headers: () => Record<string, string>;
  userAgent?: string | undefined;
  fetch?: typeof fetch | undefined;
  /** Runs the provider's `onAuthRefresh` after an auth error; the request is then sent once more. */
  refreshAuth?: ((error: APICallError) => Promise<void>) | undefined;
}

/** A language model over chat completions; the dialect supplies each service's differences. */
export class OpenAIChatLanguageModel implements LanguageModel {
  readonly provider: string;

  constructor(
    readonly modelId: string,
    private readonly config: OpenAIChatModelConfig,
  ) {
    this.provider = config.dialect.provider;
  }

  /** One call, retried per the call's `maxRetries` (see `generateWithRetry`). */
  generate(options: CallOptions): Promise<GenerateResult> {
    return generateWithRetry(options, (call) => this.generateOnce(call), this);
  }

  /** One streamed call, retried only before any output reached the caller (see `streamWithRetry`). */
  stream(options: CallOptions): Promise<AsyncIterable<StreamPart>> {
    return streamWithRetry(options, (call) => this.streamOnce(call), this);
  }

  private async generateOnce(options: CallOptions): Promise<GenerateResponse> {
    const { body, warnings } = buildChatRequest({
      modelId: this.modelId,
      call: options,
      dialect: this.config.dialect,
      stream: false,
    });
    const posted = await this.post(body, options);
    const completion = (await readJsonResponse(posted, this.url)) as ChatCompletion;
    const { dialect } = this.config;
    const result = mapOpenAIChatResponse({
      completion,
      readReasoning: dialect.readReasoning,
      readMessageReasoning: dialect.readMessageReasoning,
      mapProviderMetadata: dialect.mapProviderMetadata,
      metadataKey: dialect.optionsKey,
      responseHeaders: posted.responseHeaders,
    });
    return { ...result, warnings };
  }

  private async streamOnce(options: CallOptions): Promise<AsyncIterable<StreamPart>> {
    const { body, warnings } = buildChatRequest({
      modelId: this.modelId,
      call: options,
      dialect: this.config.dialect,
      stream: true,
    });
    const posted = await this.post(body, options);
    const events = await openSseStream(posted, this.url, this.config.dialect.parseErrorBody);
    return this.reduceStream(events, warnings);
  }

  generateObject(options: ObjectCallOptions): Promise<ObjectResult> {
    return generateObjectWithMode(
      this,
      options,
      resolveObjectMode(options.mode, this.config.dialect.defaultObjectMode),
    );
  }

  streamObject(options: ObjectCallOptions): Promise<AsyncIterable<ObjectStreamPart>> {
    return streamObjectWithMode(
      this,
      options,
      resolveObjectMode(options.mode, this.config.dialect.defaultObjectMode),
    );
  }

  private get url(): string {
    return `${this.config.baseURL}/chat/completions`;
  }

  private post(body: Record<string, unknown>, options: CallOptions) {
    return postCall({
      url: this.url,
      body,
      call: options,
      connection: {
        headers: this.config.headers(),
        userAgent: this.config.userAgent,
        fetch: this.config.fetch,
        refreshAuth: refreshWith(this.config.refreshAuth, () => ({ headers: this.config.headers() })),
      },
      parseErrorBody: this.config.dialect.parseErrorBody,
      stream: body.stream === true,
    });
  }

  /** The stream stage: the shared event loop driving the chat-completions reducer. */
  private reduceStream(events: AsyncIterable<SseEvent>, warnings: CallWarning[]): AsyncGenerator<StreamPart> {
    const { dialect } = this.config;
    const state = createChatStreamState({
      url: this.url,
      readReasoning: dialect.readReasoning,
      reasoningStream: dialect.createReasoningStream?.(),
      mapProviderMetadata: dialect.mapProviderMetadata,
      metadataKey: dialect.optionsKey,
    });
    return reduceEvents(events, {
      url: this.url,
      warnings,
      reducer: { state, reduce: reduceChatEvent, finish: finishChatStream, endWithError },
    });
  }
}
