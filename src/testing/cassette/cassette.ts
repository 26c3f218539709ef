/**
 * A request or response body as stored in a cassette: text written verbatim, or bytes (YAML `!!binary`)
 * when the body is not valid UTF-8 or is an AWS event stream.
 */
export type CassetteBody = string | Uint8Array;

/** Header name → values, as go-vcr stores them (`Content-Type: [application/json]`). */
export type CassetteHeaders = Record<string, string[]>;

/** A recorded request, one per interaction. Only `method`, `url` and `body` take part in matching. */
export interface RecordedRequest {
  method: string;
  /** The full URL, with secret query parameters removed. */
  url: string;
  body: CassetteBody;
  /** Only `Accept`, `Content-Type` and `User-Agent` are stored. */
  headers: CassetteHeaders;
  /** e.g. `HTTP/1.1` */
  proto: string;
  /** Bytes in the body, or -1 when unknown. */
  contentLength: number;
  host: string;
  /** The query parameters, as go-vcr stores them for requests that have any. */
  form?: CassetteHeaders;
}

/** A recorded response. */
export interface RecordedResponse {
  /** The HTTP status code, e.g. `200`. */
  code: number;
  /** The status line after the protocol, e.g. `200 OK`. */
  status: string;
  body: CassetteBody;
  headers: CassetteHeaders;
  /** e.g. `HTTP/2.0` */
  proto: string;
  /** Bytes in the body, or -1 when unknown. */
  contentLength: number;
  /** How long the call took, in Go's notation (`635.784ms`, `1.2s`). */
  duration: string;
  /** e.g. `['chunked']`, when the server said so. */
  transferEncoding?: string[];
  /** True when the body was stored decompressed although the server sent it compressed. */
  uncompressed?: boolean;
}

/** One request and the response that answered it. */
export interface RecordedInteraction {
  id: number;
  request: RecordedRequest;
  response: RecordedResponse;
}

/** The content of a cassette file. */
export interface Cassette {
  interactions: RecordedInteraction[];
}

/** A request made through a cassette fetch, as the matcher sees it. */
export interface CassetteRequest {
  /** Upper case, e.g. `POST`. */
  method: string;
  /** The full URL, with secret query parameters removed so a replay with a real key still matches. */
  url: string;
  body: CassetteBody;
  /** Lower-case names, as `Headers` gives them. */
  headers: Record<string, string>;
}
