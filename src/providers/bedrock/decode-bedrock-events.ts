import { APICallError } from '../../errors/api-call-error.js';
import { InvalidResponseError } from '../../errors/invalid-response-error.js';
import type { RequestWatchdog } from '../../http/request-watchdog.js';
import type { AnthropicEventData } from '../anthropic/anthropic-endpoint.js';
import { decodeBase64 } from '../shared/base64.js';
import { EventStreamDecoder, type EventStreamMessage } from './event-stream-decoder.js';

/** Bedrock exceptions a retry may fix. */
const transientExceptions = new Set([
  'throttlingException',
  'serviceUnavailableException',
  'internalServerException',
  'modelStreamErrorException',
  'modelNotReadyException',
  'modelTimeoutException',
]);

const utf8 = new TextDecoder();

/**
 * Decodes an `invoke-with-response-stream` body: AWS event-stream frames whose `chunk` events carry one
 * Anthropic event JSON, base64-encoded, in `{"bytes": ...}`. An exception frame throws an `APICallError`
 * (`received exception <type>: <message>`); damaged framing throws an `EventStreamError`.
 */
export async function* decodeBedrockEvents(
  body: ReadableStream<Uint8Array>,
  url: string,
  watchdog?: RequestWatchdog,
): AsyncGenerator<AnthropicEventData> {
  const decoder = new EventStreamDecoder();
  const messages: EventStreamMessage[] = [];
  const onMessage = (message: EventStreamMessage) => messages.push(message);
  const reader = body.getReader();
  let finished = false;
  try {
    while (!finished) {
      const result = watchdog ? await watchdog.read(reader) : await reader.read();
      finished = result.done;
      if (result.done) decoder.end();
      else decoder.push(result.value, onMessage);
      for (const message of messages) {
        const data = bedrockEventData(message, url);
        if (data !== undefined) yield { data };
      }
      messages.length = 0;
    }
  } finally {
    watchdog?.dispose();
    if (!finished) await reader.cancel().catch(() => undefined);
    reader.releaseLock();
  }
}

/** The Anthropic event JSON a frame carries; undefined for frames that carry none. */
export function bedrockEventData(message: EventStreamMessage, url: string): string | undefined {
  const { headers } = message;
  const messageType = headers[':message-type'] ?? 'event';
  if (messageType === 'exception') {
    const type = String(headers[':exception-type'] ?? 'exception');
    throw bedrockStreamError({ type, message: payloadMessage(message.payload), url });
  }
  if (messageType === 'error') {
    const type = String(headers[':error-code'] ?? 'error');
    throw bedrockStreamError({ type, message: String(headers[':error-message'] ?? ''), url });
  }
  if (headers[':event-type'] !== 'chunk') return undefined;
  const text = utf8.decode(message.payload);
  let chunk: { bytes?: unknown } | null;
  try {
    chunk = JSON.parse(text);
  } catch (cause) {
    throw new InvalidResponseError({ message: 'Bedrock chunk payload is not JSON', data: text, cause });
  }
  if (chunk === null || typeof chunk !== 'object' || chunk.bytes === undefined || chunk.bytes === null) {
    return undefined;
  }
  if (typeof chunk.bytes !== 'string') {
    throw new InvalidResponseError({ message: 'Bedrock chunk bytes are not a base64 string', data: text });
  }
  return utf8.decode(decodeBase64(chunk.bytes, 'Bedrock chunk bytes'));
}

function payloadMessage(payload: Uint8Array): string {
  const text = utf8.decode(payload);
  try {
    const parsed = JSON.parse(text) as { message?: unknown; Message?: unknown };
    const message = parsed.message ?? parsed.Message;
    if (typeof message === 'string') return message;
  } catch {
    // Not JSON: the raw text is the message.
  }
  return text;
}

function bedrockStreamError(options: { type: string; message: string; url: string }): APICallError {
  return new APICallError({
    message: `received exception ${options.type}: ${options.message}`,
    url: options.url,
    title: 'stream error',
    errorType: options.type,
    isRetryable: transientExceptions.has(options.type),
  });
}
