/**
 * The floor: the least work any SDK must do for a chat-completions stream. Read the body, decode UTF-8,
 * split events with `indexOf('\n\n')`, `JSON.parse` each `data:` payload, take the delta. Nothing else.
 */
async function floorStream(
  fetch: typeof globalThis.fetch,
  deltaLength: (chunk: ChatChunk) => number,
): Promise<number> {
  const response = await fetch('http://bench.invalid/v1/chat/completions', { method: 'POST' });
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  let length = 0;
  while (true) {
    const { done, value } = await reader.read();
    if (done) break;
    buffer += decoder.decode(value, { stream: true });
    let start = 0;
    let end = buffer.indexOf('\n\n', start);
    while (end !== -1) {
      const data = buffer.slice(start + 6, end);
      if (data !== '[DONE]') length += deltaLength(JSON.parse(data) as ChatChunk);
      start = end + 2;
      end = buffer.indexOf('\n\n', start);
    }
    buffer = buffer.slice(start);
  }
  return length;
}

interface ChatChunk {
  choices: { delta: { content?: string; tool_calls?: { function?: { arguments?: string } }[] } }[];
}

/** The floor of a text stream; returns the text length. */
export function floorTextStream(fetch: typeof globalThis.fetch): Promise<number> {
  return floorStream(fetch, (chunk) => chunk.choices[0]?.delta.content?.length ?? 0);
}

/** The floor of a tool call's argument stream; returns the arguments' length. */
export function floorToolInputStream(fetch: typeof globalThis.fetch): Promise<number> {
  return floorStream(
    fetch,
    (chunk) => chunk.choices[0]?.delta.tool_calls?.[0]?.function?.arguments?.length ?? 0,
  );
}
