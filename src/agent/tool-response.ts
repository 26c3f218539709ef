/**
 * What a tool returns. `text` is sent as text; `image` and `media` send `data` (with `content` as a
 * caption); `isError` sends `content` as an error the model can react to; `stopTurn` ends the agent's turn
 * after this step, the result still being recorded.
 */
export interface ToolResponse {
  type: 'text' | 'image' | 'media';
  content: string;
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
export function stopTurn(response: ToolResponse | string): ToolResponse {
  return { ...toToolResponse(response), stopTurn: true };
}

/** A plain string returned by a tool is a text result. */
export function toToolResponse(response: ToolResponse | string): ToolResponse {
  return typeof response === 'string' ? textResponse(response) : response;
}
