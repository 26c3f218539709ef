/**
 * Hands a real response on to the caller while keeping a copy of its body. The body is re-wrapped in a
 * stream whose `pull` reads the real one, so chunks reach the caller as they arrive and nothing is
 * buffered for a slow reader (no `tee()`). `onEnd` receives every byte received once the body is read to
 * the end, errors, or is cancelled.
 */
export function createRecordingResponse(response: Response, onEnd: (body: Uint8Array) => void): Response {
  if (!response.body) {
    onEnd(new Uint8Array(0));
    return response;
  }
  const recording = new Response(recordBody(response.body, onEnd), {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
  Object.defineProperty(recording, 'url', { value: response.url });
  return recording;
}

function recordBody(source: ReadableStream<Uint8Array>, onEnd: (body: Uint8Array) => void) {
  const reader = source.getReader();
  const chunks: Uint8Array[] = [];
  let ended = false;
  const end = () => {
    if (ended) return;
    ended = true;
    onEnd(concatenate(chunks));
  };
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        try {
          const { done, value } = await reader.read();
          if (done) {
            end();
            return controller.close();
          }
          chunks.push(value.slice());
          controller.enqueue(value);
        } catch (error) {
          end();
          controller.error(error);
        }
      },
      async cancel(reason) {
        end();
        await reader.cancel(reason);
      },
    },
    { highWaterMark: 0 },
  );
}

function concatenate(chunks: Uint8Array[]): Uint8Array {
  const body = new Uint8Array(chunks.reduce((length, chunk) => length + chunk.length, 0));
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.length;
  }
  return body;
}
