import { describe, expect, it } from 'vitest';
import { bedrockEventData } from './decode-bedrock-events.js';

describe('malformed Bedrock chunks are InvalidResponseErrors', () => {
  const chunkMessage = (payload: string) => ({
    headers: { ':event-type': 'chunk', ':message-type': 'event' },
    payload: new TextEncoder().encode(payload),
  });

  it('rejects chunk bytes that are not valid base64, naming them', () => {
    expect(() => bedrockEventData(chunkMessage('{"bytes":"%%%"}'), 'u')).toThrow(
      expect.objectContaining({
        name: 'InvalidResponseError',
        message: expect.stringContaining('Bedrock chunk bytes is not valid base64'),
      }),
    );
  });

  it('rejects chunk bytes that are not a string', () => {
    expect(() => bedrockEventData(chunkMessage('{"bytes":5}'), 'u')).toThrow(
      expect.objectContaining({
        name: 'InvalidResponseError',
        message: expect.stringContaining('not a base64 string'),
      }),
    );
  });
});
