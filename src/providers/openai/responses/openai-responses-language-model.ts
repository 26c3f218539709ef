import type { APICallError } from '../../../errors/api-call-error.js';
import { refreshWith } from '../../../http/auth-refresh.js';
import { postCall } from '../../../http/post-json.js';
import type { ParseErrorBody } from '../../../http/provider-error-body.js';
import { openSseStream, readJsonResponse } from '../../../http/read-response.js';
import { reduceEvents } from '../../../http/reduce-events.js';
import { generateWithRetry, streamWithRetry } from '../../../http/retry-model-call.js';
import type { SseEvent } from '../../../http/sse.js';
import { generateObjectWithMode } from '../../../object/generate-object-with-mode.js';
import { resolveObjectMode } from '../../../object/object-modes.js';
import { streamObjectWithMode } from '../../../object/stream-object-with-mode.js';
import type { CallOptions } from '../../../spec/call-options.js';
import type { CallWarning } from '../../../spec/call-warning.js';
import type { GenerateResponse, GenerateResult } from '../../../spec/generate-result.js';
import { withResultText } from '../../../spec/generate-result.js';
import type { LanguageModel } from '../../../spec/language-model.js';
import type { ObjectCallOptions, ObjectResult, ObjectStreamPart } from '../../../spec/object.js';
import type { StreamPart } from '../../../spec/stream-part.js';
import { customToolNamesOf } from './convert-openai-responses-provider-tool.js';
import { mapOpenAIResponsesResponse } from './map-openai-responses-response.js';
import type { ResponsesResponse } from './openai-responses-api.js';
import { buildResponsesRequest } from './openai-responses-request.js';
import {
  createResponsesStreamState,
  endWithError,
  finishResponsesStream,
  reduceResponsesEvent,
} from './openai-responses-stream.js';

/** How a Responses model reaches its service (OpenAI or Azure). */
export interface OpenAIResponsesModelConfig {
  /** Reported as `LanguageModel.provider`, e.g. `openai` or `azure`. */
  provider: string;
  /** Base URL without trailing slash, e.g. `https://api.openai.com/v1`. */
  baseURL: string;
  /** Auth and provider headers, computed per request (so a missing key fails the call, not the import). */
  headers: () => Record<string, string>;
  userAgent?: string | undefined;
  fetch?: typeof fetch | undefined;
  parseErrorBody?: ParseErrorBody | undefined;
  /** Runs the provider's `onAuthRefresh` after an auth error; the request is then sent once more. */
  refreshAuth?: ((error: APICallError) => Promise<void>) | undefined;
}

/**
 * A language model over the OpenAI Responses API (`POST /responses`). Options are read from
 * `providerOptions.openai`; objects use the native `text.format` JSON schema.
 */
export class OpenAIResponsesLanguageModel implements LanguageModel {
  readonly provider: string;

  constructor(
    readonly modelId: string,
    private readonly config: OpenAIResponsesModelConfig,
  ) {
    this.provider = config.provider;
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
    const { body, warnings } = buildResponsesRequest({ modelId: this.modelId, call: options, stream: false });
    const posted = await this.post(body, options);
    const response = (await readJsonResponse(posted, this.url)) as ResponsesResponse;
    const result = mapOpenAIResponsesResponse({
      response,
      url: this.url,
      responseBody: JSON.stringify(response),
      responseHeaders: posted.responseHeaders,
      customToolNames: customToolNamesOf(options.tools),
    });
    return withResultText({ ...result, warnings: [...warnings, ...result.warnings] });
  }

  private async streamOnce(options: CallOptions): Promise<AsyncIterable<StreamPart>> {
    const { body, warnings } = buildResponsesRequest({ modelId: this.modelId, call: options, stream: true });
    const posted = await this.post(body, options);
    const events = await openSseStream(posted, this.url, this.config.parseErrorBody);
    return this.reduceStream(events, warnings, customToolNamesOf(options.tools));
  }

  generateObject(options: ObjectCallOptions): Promise<ObjectResult> {
    return generateObjectWithMode(this, options, resolveObjectMode(options.mode, 'json'));
  }

  streamObject(options: ObjectCallOptions): Promise<AsyncIterable<ObjectStreamPart>> {
    return streamObjectWithMode(this, options, resolveObjectMode(options.mode, 'json'));
  }

  private get url(): string {
    return `${this.config.baseURL}/responses`;
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
      parseErrorBody: this.config.parseErrorBody,
      stream: body.stream === true,
    });
  }

  /** The stream stage: the shared event loop driving the Responses reducer. */
  private reduceStream(
    events: AsyncIterable<SseEvent>,
    warnings: CallWarning[],
    customToolNames: ReadonlySet<string>,
  ): AsyncGenerator<StreamPart> {
    return reduceEvents(events, {
      url: this.url,
      warnings,
      reducer: {
        state: createResponsesStreamState(this.url, customToolNames),
        reduce: reduceResponsesEvent,
        finish: finishResponsesStream,
        endWithError,
      },
    });
  }
}
