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
import type { GoogleGenerateContentResponse } from './google-api.js';
import { buildGoogleRequest } from './google-request.js';
import {
  createGoogleStreamState,
  endWithError,
  finishGoogleStream,
  reduceGoogleEvent,
} from './google-stream.js';
import { mapGoogleResponse } from './map-google-response.js';
import { parseGoogleErrorBody } from './parse-google-error-body.js';

/** How a Gemini model reaches its service: the Gemini API or Vertex AI. */
export interface GoogleModelConfig {
  /** Reported as `LanguageModel.provider`, e.g. `google` or `google-vertex`. */
  provider: string;
  /** The URL `models/<id>:generateContent` is appended to; computed per request (Vertex reads the environment). */
  baseURL: () => string;
  /** Auth and provider headers, computed per request (so a missing key fails the call, not the setup). */
  headers: () => Record<string, string> | Promise<Record<string, string>>;
  userAgent?: string | undefined;
  fetch?: typeof fetch | undefined;
  /** Ids for function calls that come without one (Gemini 2.5, Vertex). */
  generateId: () => string;
  /** Vertex AI: function call ids stay off the wire. */
  vertex: boolean;
  /** Runs the provider's `onAuthRefresh` after an auth error; the request is then sent once more. */
  refreshAuth?: ((error: APICallError) => Promise<void>) | undefined;
}

/** A Gemini model over `generateContent` and `streamGenerateContent?alt=sse`. */
export class GoogleLanguageModel implements LanguageModel {
  readonly provider: string;

  constructor(
    readonly modelId: string,
    private readonly config: GoogleModelConfig,
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
    const { body, warnings } = buildGoogleRequest({
      modelId: this.modelId,
      call: options,
      vertex: this.config.vertex,
    });
    const url = this.url('generateContent');
    const posted = await this.post(url, body, options);
    const response = (await readJsonResponse(posted, url)) as GoogleGenerateContentResponse;
    const result = mapGoogleResponse({
      response,
      generateId: this.config.generateId,
      responseHeaders: posted.responseHeaders,
    });
    return { ...result, warnings };
  }

  private async streamOnce(options: CallOptions): Promise<AsyncIterable<StreamPart>> {
    const { body, warnings } = buildGoogleRequest({
      modelId: this.modelId,
      call: options,
      vertex: this.config.vertex,
    });
    const url = this.url('streamGenerateContent?alt=sse');
    const posted = await this.post(url, body, options);
    const events = await openSseStream(posted, url, parseGoogleErrorBody);
    return this.reduceStream(events, url, warnings);
  }

  /** Objects use Gemini's native JSON mode (`responseJsonSchema`) unless another mode is asked for. */
  generateObject(options: ObjectCallOptions): Promise<ObjectResult> {
    return generateObjectWithMode(this, options, resolveObjectMode(options.mode, 'json'));
  }

  streamObject(options: ObjectCallOptions): Promise<AsyncIterable<ObjectStreamPart>> {
    return streamObjectWithMode(this, options, resolveObjectMode(options.mode, 'json'));
  }

  /** `<base>/models/<id>:<method>`; ids that already name a resource (`models/…`, `tunedModels/…`) are kept. */
  private url(method: string): string {
    const path = /^(models|tunedModels)\//.test(this.modelId) ? this.modelId : `models/${this.modelId}`;
    return `${this.config.baseURL()}/${path}:${method}`;
  }

  private async post(url: string, body: Record<string, unknown>, options: CallOptions) {
    return postCall({
      url: url,
      body,
      call: options,
      connection: {
        headers: await this.config.headers(),
        userAgent: this.config.userAgent,
        fetch: this.config.fetch,
        refreshAuth: refreshWith(this.config.refreshAuth, async () => ({
          headers: await this.config.headers(),
        })),
      },
      parseErrorBody: parseGoogleErrorBody,
      stream: url.includes(':streamGenerateContent'),
    });
  }

  /** The stream stage: the shared event loop driving the Gemini reducer. */
  private reduceStream(
    events: AsyncIterable<SseEvent>,
    url: string,
    warnings: CallWarning[],
  ): AsyncGenerator<StreamPart> {
    return reduceEvents(events, {
      url,
      warnings,
      reducer: {
        state: createGoogleStreamState({ url, generateId: this.config.generateId }),
        reduce: reduceGoogleEvent,
        finish: finishGoogleStream,
        endWithError,
      },
    });
  }
}
