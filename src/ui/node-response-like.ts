/**
 * The parts of Node's `http.ServerResponse` the pipe helpers use, so this module needs no Node types.
 */
export interface NodeResponseLike {
  writeHead(statusCode: number, headers: Record<string, string>): unknown;
  write(chunk: string): boolean;
  end(): unknown;
  on(event: 'close' | 'drain', listener: () => void): unknown;
  off?(event: 'close' | 'drain', listener: () => void): unknown;
  readonly writableEnded?: boolean;
}

/** Status and extra headers of a piped response. */
export interface NodeResponseInit {
  /** @default 200 */
  status?: number;
  headers?: Record<string, string>;
}
