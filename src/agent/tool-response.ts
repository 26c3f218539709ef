import { InvalidArgumentError } from '../errors/invalid-argument-error.js';
import type { JSONValue } from '../spec/json-value.js';

/**
 * What a tool returns. `text` is sent as text; `json` sends `value` as JSON; `image` and `media` send
 * `data` (with `content` as a caption); `isError` sends `content` as an error the model can react to;
 * `stopTurn` ends the agent's turn after this step, the result still being recorded.
 */
export interface ToolResponse {
  type: 'text' | 'json' | 'image' | 'media';
  content: string;
  /** The JSON result of a `json` response. */
  value?: JSONValue;
  data?: Uint8Array;
  /** IANA media type of `data`, e.g. `image/png`. */
  mediaType?: string;
  /** Application data as JSON text, kept with the result (`clientMetadata`) and never sent to the model. */
  metadata?: string;
  isError?: boolean;
  stopTurn?: boolean;
}

/** A text result. */
export function textResponse(text: string): ToolResponse {
  return { type: 'text', content: text };
}

/** An error result: the model sees the message and may try again. */
export function errorResponse(message: string): ToolResponse {
  return { type: 'text', content: message, isError: true };
}

/** A JSON result: objects, arrays, numbers, ... sent to each provider as it expects JSON results. */
export function jsonResponse(value: JSONValue): ToolResponse {
  return { type: 'json', content: '', value };
}

/** An image result; set `content` on it for a caption. */
export function imageResponse(data: Uint8Array, mediaType: string): ToolResponse {
  return { type: 'image', content: '', data, mediaType };
}

/** A media result (audio, video, documents); set `content` on it for a caption. */
export function mediaResponse(data: Uint8Array, mediaType: string): ToolResponse {
  return { type: 'media', content: '', data, mediaType };
}

/**
 * Attaches application data to a result as JSON (`ToolResultContent.clientMetadata`). `undefined`, `null`
 * and values JSON cannot encode leave the response unchanged.
 */
export function withResponseMetadata(response: ToolResponse, value: unknown): ToolResponse {
  if (value === undefined || value === null) return response;
  try {
    const metadata = JSON.stringify(value);
    return metadata === undefined ? response : { ...response, metadata };
  } catch {
    return response;
  }
}

/**
 * Ends the agent's turn after this step: the result is recorded and the model is not called again.
 *
 * @example
 * execute: async ({ answer }) => stopTurn(textResponse(answer))
 */
export function stopTurn(response: ToolResponse | string | JSONValue): ToolResponse {
  return { ...toToolResponse(response), stopTurn: true };
}

/**
 * What a tool's `execute` returned, as a response: a string is a text result, a `ToolResponse` (built with
 * the helpers here) is used as it is, `undefined` is an empty text result, and any other value is a JSON
 * result (a copy through JSON, so dates become strings and `undefined` properties disappear). A value JSON
 * cannot hold (a BigInt, a cycle) throws an `InvalidArgumentError`, which the agent sends as an error result.
 */
export function toToolResponse(outcome: unknown): ToolResponse {
  if (typeof outcome === 'string') return textResponse(outcome);
  if (outcome === undefined) return textResponse('');
  if (isToolResponse(outcome)) return outcome;
  return jsonResponse(toJSONValue(outcome));
}

const responseTypes = new Set(['text', 'json', 'image', 'media']);

/** True for an object shaped like a `ToolResponse`: a known `type` and a string `content`. */
export function isToolResponse(value: unknown): value is ToolResponse {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const { type, content } = value as { type?: unknown; content?: unknown };
  return typeof type === 'string' && responseTypes.has(type) && typeof content === 'string';
}

function toJSONValue(value: unknown): JSONValue {
  let text: string | undefined;
  try {
    text = JSON.stringify(value);
  } catch (cause) {
    throw new InvalidArgumentError({
      argument: 'tool result',
      message: `the tool returned a value JSON cannot hold (${(cause as Error).message}); return JSON values`,
      cause,
    });
  }
  if (text === undefined) {
    throw new InvalidArgumentError({
      argument: 'tool result',
      message: `the tool returned a ${typeof value}, which JSON cannot hold; return JSON values`,
    });
  }
  return JSON.parse(text) as JSONValue;
}
