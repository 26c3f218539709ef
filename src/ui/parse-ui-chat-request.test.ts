import { describe, expect, it } from 'vitest';
import { parseUIChatRequest } from './parse-ui-chat-request.js';
import { uiErrorResponse } from './ui-error-response.js';

function responseFor(body: unknown): Response | undefined {
  try {
    parseUIChatRequest(body);
    return undefined;
  } catch (error) {
    return uiErrorResponse(error);
  }
}

describe('parseUIChatRequest', () => {
  it('reads what useChat posts and keeps the extra body fields apart', () => {
    const request = parseUIChatRequest(
      JSON.stringify({
        id: 'chat-1',
        trigger: 'submit-message',
        messages: [{ id: 'u1', role: 'user', parts: [{ type: 'text', text: 'hi' }] }],
        temperature: 0.2,
      }),
    );
    expect(request).toEqual({
      id: 'chat-1',
      trigger: 'submit-message',
      messages: [{ id: 'u1', role: 'user', parts: [{ type: 'text', text: 'hi' }] }],
      extra: { temperature: 0.2 },
    });
  });

  it.each([
    ['text that is not JSON', '{"messages": [', 'the body is not JSON'],
    ['a JSON array', '[]', 'expected a JSON object with `messages`'],
    ['a body without messages', { id: 'x' }, 'at messages: expected an array of messages'],
    ['a message that is a string', { messages: ['hi'] }, 'at messages[0]: expected an object, got a string'],
    ['a non-string trigger', { messages: [], trigger: 3 }, 'at trigger: expected a string'],
  ])('answers %s with a 400 that says what is wrong', async (_name, body, message) => {
    const response = responseFor(body);
    expect(response?.status).toBe(400);
    expect(response?.headers.get('content-type')).toBe('application/json');
    const payload = (await response?.json()) as { error: string };
    expect(payload.error).toContain(message);
  });

  it('answers an unexpected error with a 500 that names nothing internal', async () => {
    const response = uiErrorResponse(new Error('connect ECONNREFUSED 10.0.0.7:5432'));
    expect(response.status).toBe(500);
    expect(await response.text()).toBe('{"error":"internal error"}');
  });
});
