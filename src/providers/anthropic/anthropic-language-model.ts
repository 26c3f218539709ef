import { refreshWith } from '../../http/auth-refresh.js';
import { postCall } from '../../http/post-json.js';
import { readJsonResponse } from '../../http/read-response.js';
import { reduceEvents } from '../../http/reduce-events.js';
import { generateWithRetry, streamWithRetry } from '../../http/retry-model-call.js';
import { generateObjectWithMode } from '../../object/generate-object-with-mode.js';
import { resolveObjectMode } from '../../object/object-modes.js';
import { streamObjectWithMode } from '../../object/stream-object-with-mode.js';
import type { CallOptions } from '../../spec/call-options.js';
import type { CallWarning } from '../../spec/call-warning.js';
import type { GenerateResponse, GenerateResult } from '../../spec/generate-result.js';
import { withResultText } from '../../spec/generate-result.js';
import type { LanguageModel } from '../../spec/language-model.js';
import type { ObjectCallOptions, ObjectResult, ObjectStreamPart } from '../../spec/object.js';
import type { StreamPart } from '../../spec/stream-part.js';
import type { AnthropicResponse } from './anthropic-api.js';
import { type AnthropicEndpoint, type AnthropicEventData, readSseEvents } from './anthropic-endpoint.js';
import { buildAnthropicRequest } from './anthropic-request.js';
import {
  createAnthropicStreamState,
  endWithError,
  finishAnthropicStream,
  reduceAnthropicEvent,
} from './anthropic-stream.js';
import { mapAnthropicStreamError } from './map-anthropic-error.js';
import { mapAnthropicResponse } from './map-anthropic-response.js';

/** How an Anthropic model reaches its endpoint. */
export interface AnthropicModelConfig {
  endpoint: AnthropicEndpoint;
  /** Headers configured on the provider. */
  headers?: Record<string, string> | undefined;
  userAgent?: string | undefined;
  fetch?: typeof fetch | undefined;
}

/** A Claude model over the Messages API, on any endpoint. Objects are generated in tool mode. */
export class AnthropicLanguageModel implements LanguageModel {
  readonly provider: string;

  constructor(
    readonly modelId: string,
    private readonly config: AnthropicModelConfig,
  ) {
    this.provider = config.endpoint.provider;
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
    const { posted, url, warnings } = await this.post(options, false);
    const response = (await readJsonResponse(posted, url)) as AnthropicResponse;
    if (response.type === 'error') {
      throw mapAnthropicStreamError({ error: response.error, url, data: JSON.stringify(response) });
    }
    const result = mapAnthropicResponse({ response, responseHeaders: posted.responseHeaders });
    return withResultText({ ...result, warnings: [...warnings, ...result.warnings] });
  }

  private async streamOnce(options: CallOptions): Promise<AsyncIterable<StreamPart>> {
    const { posted, url, warnings } = await this.post(options, true);
    const { endpoint } = this.config;
    const events = endpoint.readEvents
      ? await endpoint.readEvents(posted, url)
      : await readSseEvents(posted, url, endpoint.parseErrorBody);
    return this.reduceStream(events, warnings, url);
  }

  generateObject(options: ObjectCallOptions): Promise<ObjectResult> {
    return generateObjectWithMode(this, options, resolveObjectMode(options.mode, 'tool'));
  }

  streamObject(options: ObjectCallOptions): Promise<AsyncIterable<ObjectStreamPart>> {
    return streamObjectWithMode(this, options, resolveObjectMode(options.mode, 'tool'));
  }

  private async post(options: CallOptions, stream: boolean) {
    const { endpoint } = this.config;
    const { body, betaFlags, warnings } = buildAnthropicRequest({
      modelId: this.modelId,
      call: options,
      stream,
      supportsDisableParallelToolUse: endpoint.supportsDisableParallelToolUse,
    });
    const request = { modelId: this.modelId, body, stream, betaFlags };
    const prepared = await endpoint.prepareRequest(request);
    const posted = await postCall({
      url: prepared.url,
      body: prepared.body,
      call: options,
      connection: {
        headers: { ...prepared.headers, ...this.config.headers },
        userAgent: this.config.userAgent,
        fetch: this.config.fetch,
        signRequest: prepared.sign,
        refreshAuth: refreshWith(endpoint.refreshAuth, async () => {
          const again = await endpoint.prepareRequest(request);
          return { headers: { ...again.headers, ...this.config.headers }, signRequest: again.sign };
        }),
      },
      parseErrorBody: endpoint.parseErrorBody,
      stream,
    });
    return { posted, url: prepared.url, warnings };
  }

  /** The stream stage: the shared event loop driving the Messages reducer. */
  private reduceStream(
    events: AsyncIterable<AnthropicEventData>,
    warnings: CallWarning[],
    url: string,
  ): AsyncGenerator<StreamPart> {
    return reduceEvents(events, {
      url,
      warnings,
      reducer: {
        state: createAnthropicStreamState(url),
        reduce: reduceAnthropicEvent,
        finish: finishAnthropicStream,
        endWithError,
      },
    });
  }
}
