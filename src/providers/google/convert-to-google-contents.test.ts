import { describe, expect, it } from 'vitest';
import type { Message } from '../../spec/message.js';
import { convertToGoogleContents } from './convert-to-google-contents.js';

const gemini = { omitFunctionCallIds: false, systemInFirstUserTurn: false };
const vertex = { omitFunctionCallIds: true, systemInFirstUserTurn: false };

const toolRound: Message[] = [
  { role: 'system', content: [{ type: 'text', text: 'You are a helpful assistant' }] },
  { role: 'user', content: [{ type: 'text', text: "What's the weather in Florence,Italy?" }] },
  {
    role: 'assistant',
    content: [
      { type: 'reasoning', text: '', providerOptions: { google: { thoughtSignature: 'c2lnbmF0dXJl' } } },
      { type: 'tool-call', toolCallId: '1', toolName: 'weather', input: '{"location":"Florence,Italy"}' },
    ],
  },
  {
    role: 'tool',
    content: [{ type: 'tool-result', toolCallId: '1', output: { type: 'text', text: '40 C' } }],
  },
];

describe('convertToGoogleContents', () => {
  it('writes the recorded second request of a tool round trip (gemini-2.5-flash tool)', () => {
    const { systemInstruction, contents, warnings } = convertToGoogleContents(toolRound, gemini);
    expect(systemInstruction).toEqual({ role: 'user', parts: [{ text: 'You are a helpful assistant' }] });
    expect(contents).toEqual([
      { role: 'user', parts: [{ text: "What's the weather in Florence,Italy?" }] },
      {
        role: 'model',
        parts: [
          {
            functionCall: { id: '1', name: 'weather', args: { location: 'Florence,Italy' } },
            thoughtSignature: 'c2lnbmF0dXJl',
          },
        ],
      },
      {
        role: 'user',
        parts: [{ functionResponse: { id: '1', name: 'weather', response: { result: '40 C' } } }],
      },
    ]);
    expect(warnings).toEqual([]);
  });

  it('leaves function call and response ids off for Vertex, still naming the response after its call', () => {
    const { contents } = convertToGoogleContents(toolRound, vertex);
    expect(contents[1]?.parts[0]?.functionCall).toEqual({
      name: 'weather',
      args: { location: 'Florence,Italy' },
    });
    expect(contents[2]?.parts[0]).toEqual({
      functionResponse: { name: 'weather', response: { result: '40 C' } },
    });
  });

  it('puts a signature only on the first part after its reasoning part', () => {
    const { contents } = convertToGoogleContents(
      [
        {
          role: 'assistant',
          content: [
            { type: 'reasoning', text: 'thinking', providerOptions: { google: { thoughtSignature: 'AAA' } } },
            { type: 'tool-call', toolCallId: 'a', toolName: 'add', input: '{"a":2,"b":3}' },
            { type: 'tool-call', toolCallId: 'm', toolName: 'multiply', input: '{"a":2,"b":3}' },
            { type: 'reasoning', text: '', providerOptions: { google: { thoughtSignature: 'BBB' } } },
            { type: 'text', text: 'Done.' },
          ],
        },
      ],
      gemini,
    );
    expect(contents[0]?.parts.map((part) => part.thoughtSignature)).toEqual(['AAA', undefined, 'BBB']);
    expect(contents[0]?.parts.some((part) => part.text === 'thinking')).toBe(false);
  });

  it('sends a signature carried on the part itself when no reasoning part precedes it', () => {
    const { contents } = convertToGoogleContents(
      [
        {
          role: 'assistant',
          content: [{ type: 'text', text: 'Hi', providerOptions: { google: { thoughtSignature: 'OWN' } } }],
        },
      ],
      gemini,
    );
    expect(contents[0]?.parts).toEqual([{ text: 'Hi', thoughtSignature: 'OWN' }]);
  });

  it('sends user files as inline base64 data after the text, and skips empty text', () => {
    const { contents } = convertToGoogleContents(
      [
        {
          role: 'user',
          content: [
            { type: 'text', text: 'Describe the image briefly in English.' },
            { type: 'text', text: '' },
            {
              type: 'file',
              data: new Uint8Array([137, 80, 78, 71]),
              mediaType: 'image/png',
              filename: 'wish.png',
            },
          ],
        },
      ],
      gemini,
    );
    expect(contents).toEqual([
      {
        role: 'user',
        parts: [
          { text: 'Describe the image briefly in English.' },
          { inlineData: { mimeType: 'image/png', data: 'iVBORw==' } },
        ],
      },
    ]);
  });

  it('answers with the error text for a failed tool, and attaches media after a media result', () => {
    const { contents } = convertToGoogleContents(
      [
        {
          role: 'assistant',
          content: [
            { type: 'tool-call', toolCallId: 'x', toolName: 'screenshot', input: '{}' },
            { type: 'tool-call', toolCallId: 'y', toolName: 'weather', input: '{}' },
          ],
        },
        {
          role: 'tool',
          content: [
            {
              type: 'tool-result',
              toolCallId: 'x',
              output: { type: 'media', data: 'AAAA', mediaType: 'image/png' },
            },
            { type: 'tool-result', toolCallId: 'y', output: { type: 'error', error: 'invalid parameters' } },
          ],
        },
      ],
      gemini,
    );
    expect(contents[1]?.parts).toEqual([
      {
        functionResponse: {
          id: 'x',
          name: 'screenshot',
          response: { result: 'The tool returned image/png content, attached next.' },
        },
      },
      { inlineData: { mimeType: 'image/png', data: 'AAAA' } },
      { functionResponse: { id: 'y', name: 'weather', response: { result: 'invalid parameters' } } },
    ]);
  });

  it('joins leading system messages and warns about a later one, which is not sent', () => {
    const { systemInstruction, contents, warnings } = convertToGoogleContents(
      [
        {
          role: 'system',
          content: [
            { type: 'text', text: 'one' },
            { type: 'text', text: 'two' },
          ],
        },
        { role: 'system', content: [{ type: 'text', text: 'three' }] },
        { role: 'user', content: [{ type: 'text', text: 'hi' }] },
        { role: 'system', content: [{ type: 'text', text: 'late' }] },
      ],
      gemini,
    );
    expect(systemInstruction).toEqual({ role: 'user', parts: [{ text: 'one\ntwo\nthree' }] });
    expect(contents).toHaveLength(1);
    expect(warnings).toHaveLength(1);
  });

  it('puts the system text before the first user turn for Gemma models', () => {
    const { systemInstruction, contents } = convertToGoogleContents(
      [
        { role: 'system', content: [{ type: 'text', text: 'Be brief.' }] },
        { role: 'user', content: [{ type: 'text', text: 'hi' }] },
      ],
      { omitFunctionCallIds: false, systemInFirstUserTurn: true },
    );
    expect(systemInstruction).toBeUndefined();
    expect(contents[0]?.parts).toEqual([{ text: 'Be brief.\n\n' }, { text: 'hi' }]);
  });

  it('skips a tool call whose input is not a JSON object, with a warning', () => {
    const { contents, warnings } = convertToGoogleContents(
      [
        {
          role: 'assistant',
          content: [{ type: 'tool-call', toolCallId: 'z', toolName: 'weather', input: '{"loc' }],
        },
      ],
      gemini,
    );
    expect(contents).toEqual([]);
    expect(warnings[0]?.message).toContain('not a JSON object');
  });
});
