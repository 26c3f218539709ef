/**
 * The `openai` package's side of the HTTP case: `chat.completions.create({ stream: true })` read with
 * `for await`, as its README shows. Returns the text length, or the tool-call arguments' length.
 */
import OpenAI from 'openai';
import type { StreamKind } from './vercel-ai.js';

/** Streams one chat completion from `baseURL` (which ends in `/v1`). */
export async function openaiStream(baseURL: string, kind: StreamKind): Promise<number> {
  const client = new OpenAI({ baseURL, apiKey: 'bench', maxRetries: 0 });
  const stream = await client.chat.completions.create({
    model: 'bench-model',
    messages: [{ role: 'user', content: kind === 'tool' ? 'Look it up.' : 'Write something.' }],
    stream: true,
    ...(kind === 'tool'
      ? {
          tools: [
            {
              type: 'function' as const,
              function: {
                name: 'lookup',
                description: 'Looks up a record',
                parameters: {
                  type: 'object',
                  properties: { query: { type: 'string' } },
                  required: ['query'],
                },
              },
            },
          ],
        }
      : {}),
  });
  let length = 0;
  for await (const chunk of stream) {
    const delta = chunk.choices[0]?.delta;
    length += delta?.content?.length ?? 0;
    length += delta?.tool_calls?.[0]?.function?.arguments?.length ?? 0;
  }
  return length;
}
