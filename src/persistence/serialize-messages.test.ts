import { describe, expect, it } from 'vitest';
import { everyContentResponse, everyMessage } from '../../test/support/conversation-fixtures.js';
import { InvalidArgumentError } from '../errors/invalid-argument-error.js';
import { InvalidConversationError } from '../errors/invalid-conversation-error.js';
import { InvalidToolCallError } from '../errors/invalid-tool-call-error.js';
import type { Message } from '../spec/message.js';
import { messagesFromJSON, messagesToJSON, parseMessages, serializeMessages } from './serialize-messages.js';
import { parseResponse, serializeResponse } from './serialize-response.js';

function catchError(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}

describe('serializeMessages and parseMessages', () => {
  it('round-trips every part type with every provider option and metadata, bytes included', () => {
    const messages = everyMessage();
    const restored = parseMessages(serializeMessages(messages));
    expect(restored).toEqual(messages);
    const file = restored[1]?.content[1];
    expect(file?.type === 'file' && file.data).toBeInstanceOf(Uint8Array);
    expect(file?.type === 'file' && [...file.data]).toEqual([0, 1, 2, 127, 128, 254, 255]);
  });

  it('writes a versioned document with bytes as a base64 tag', () => {
    const json = messagesToJSON([
      { role: 'user', content: [{ type: 'file', data: new Uint8Array([1, 2, 3]), mediaType: 'a/b' }] },
    ]);
    expect(json).toEqual({
      format: 'fantasy-ts/messages',
      version: 1,
      messages: [{ role: 'user', content: [{ type: 'file', data: { $bytes: 'AQID' }, mediaType: 'a/b' }] }],
    });
  });

  it('keeps the caller’s own objects that have $ keys apart from tags', () => {
    const messages: Message[] = [
      {
        role: 'user',
        content: [
          { type: 'text', text: 'x', providerOptions: { custom: { $bytes: 'not bytes', $ref: '#/a' } } },
        ],
      },
    ];
    expect(parseMessages(serializeMessages(messages))).toEqual(messages);
  });

  it('keeps values JSON cannot hold: non-finite numbers, dates, nested bytes', () => {
    const messages: Message[] = [
      {
        role: 'user',
        content: [{ type: 'text', text: 'x' }],
        providerOptions: {
          custom: {
            nan: Number.NaN,
            big: Number.POSITIVE_INFINITY,
            at: new Date('2025-01-02T03:04:05.000Z'),
            blob: new Uint8Array([9]),
          },
        },
      },
    ];
    expect(parseMessages(serializeMessages(messages))).toEqual(messages);
  });

  it('accepts a bare array of messages', () => {
    expect(messagesFromJSON([{ role: 'user', content: [{ type: 'text', text: 'hi' }] }])).toEqual([
      { role: 'user', content: [{ type: 'text', text: 'hi' }] },
    ]);
  });

  it.each([
    ['not JSON', '{', '', 'not JSON'],
    [
      'another document kind',
      '{"format":"fantasy-ts/response","version":1}',
      'format',
      'expected "fantasy-ts/messages"',
    ],
    [
      'a newer version',
      '{"format":"fantasy-ts/messages","version":2,"messages":[]}',
      'version',
      'version 2 is not supported',
    ],
    [
      'an unknown role',
      '[{"role":"robot","content":[]}]',
      '[0].role',
      'expected one of system, user, assistant, tool',
    ],
    [
      'an unknown part type',
      '[{"role":"user","content":[{"type":"video"}]}]',
      '[0].content[0].type',
      'unknown type "video"',
    ],
    ['a missing field', '[{"role":"user","content":[{"type":"text"}]}]', '[0].content[0].text', 'is missing'],
    [
      'a wrong field type',
      '[{"role":"user","content":[{"type":"text","text":1}]}]',
      '[0].content[0].text',
      'expected a string, found number 1',
    ],
    [
      'file data that is not bytes',
      '[{"role":"user","content":[{"type":"file","data":"AQID","mediaType":"a/b"}]}]',
      '[0].content[0].data',
      'expected bytes',
    ],
    [
      'bad base64',
      '[{"role":"user","content":[{"type":"file","data":{"$bytes":"***"},"mediaType":"a/b"}]}]',
      '[0].content[0].data.$bytes',
      'expected base64',
    ],
    [
      'an unknown tag',
      '[{"role":"user","content":[],"providerOptions":{"x":{"y":{"$set":[]}}}}]',
      '[0].providerOptions.x.y.$set',
      'unknown tag $set',
    ],
    [
      'provider options that are not objects',
      '[{"role":"user","content":[],"providerOptions":{"openai":"x"}}]',
      '[0].providerOptions.openai',
      'expected an object',
    ],
    [
      'an unknown tool output',
      '[{"role":"tool","content":[{"type":"tool-result","toolCallId":"1","output":{"type":"video"}}]}]',
      '[0].content[0].output.type',
      'unknown type "video"',
    ],
  ])('rejects %s with an InvalidConversationError at the offending path', (_name, text, path, message) => {
    const error = catchError(() => parseMessages(text));
    expect(InvalidConversationError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ path, format: 'fantasy-ts' });
    expect((error as Error).message).toContain(message);
  });

  it('refuses values that cannot be stored, naming where they are', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    const error = catchError(() =>
      serializeMessages([
        { role: 'user', content: [{ type: 'text', text: 'x', providerOptions: { custom: cyclic } }] },
      ]),
    );
    expect(InvalidArgumentError.isInstance(error)).toBe(true);
    expect((error as Error).message).toContain(
      'messages[0].content[0].providerOptions.custom.self refers to itself',
    );
    expect(() =>
      serializeMessages([{ role: 'user', content: [], providerOptions: { custom: { count: 10n } } }]),
    ).toThrow('messages[0].providerOptions.custom.count is a bigint');
  });
});

describe('serializeResponse and parseResponse', () => {
  it('round-trips every content type, warnings with tools, metadata and response info', () => {
    const error = new InvalidToolCallError({
      message: 'missing location',
      toolName: 'weather',
      input: '{"loc":1}',
      issues: [{ kind: 'validation', message: 'required', path: '/location' }],
    });
    const response = everyContentResponse(error);
    const restored = parseResponse(serializeResponse(response));
    expect(restored).toEqual(response);
  });

  it('restores a validation error with its name, message, fields and cause', () => {
    const cause = new TypeError('bad input');
    const error = new InvalidToolCallError({
      message: 'missing location',
      toolName: 'weather',
      input: '{}',
      cause,
    });
    const restored = parseResponse(serializeResponse(everyContentResponse(error)));
    const call = restored.content.find((part) => part.type === 'tool-call' && part.invalid);
    const restoredError = call?.type === 'tool-call' ? call.validationError : undefined;
    expect(restoredError).toBeInstanceOf(Error);
    expect(InvalidToolCallError.isInstance(restoredError)).toBe(true);
    expect(restoredError).toMatchObject({
      name: 'InvalidToolCallError',
      message: 'missing location',
      toolName: 'weather',
      input: '{}',
    });
    expect(restoredError?.cause).toMatchObject({ name: 'TypeError', message: 'bad input' });
  });

  it('rejects a response with an unknown finish reason', () => {
    const text = serializeResponse({ ...everyContentResponse(new Error('x')), finishReason: 'stop' }).replace(
      '"stop"',
      '"done"',
    );
    expect(() => parseResponse(text)).toThrow('invalid fantasy-ts conversation at response.finishReason');
  });
});
