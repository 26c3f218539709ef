import { describe, expect, it } from 'vitest';
import { mapMCPToolResult } from './map-mcp-tool-result.js';

const png = 'iVBORw0KGgo=';

describe('mapMCPToolResult', () => {
  it('joins text items into one text result', () => {
    const result = mapMCPToolResult({
      content: [
        { type: 'text', text: 'one' },
        { type: 'text', text: 'two' },
      ],
    });
    expect(result).toEqual({ type: 'text', content: 'one\ntwo' });
  });

  it('sends the first image as media with the text items as its caption', () => {
    const result = mapMCPToolResult({
      content: [
        { type: 'text', text: 'before' },
        { type: 'image', data: png, mimeType: 'image/png' },
        { type: 'text', text: 'after' },
      ],
    });
    expect(result.type).toBe('image');
    expect(result.mediaType).toBe('image/png');
    expect(result.content).toBe('before\nafter');
    expect(Array.from(result.data ?? [])).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  });

  it('sends audio as media and describes a second media item in text', () => {
    const result = mapMCPToolResult({
      content: [
        { type: 'audio', data: 'AAAA', mimeType: 'audio/wav' },
        { type: 'image', data: png, mimeType: 'image/png' },
      ],
    });
    expect(result.type).toBe('media');
    expect(result.mediaType).toBe('audio/wav');
    expect(result.content).toBe('[image/png content]');
  });

  it('turns resource links and embedded resources into text with their URI', () => {
    const result = mapMCPToolResult({
      content: [
        { type: 'resource_link', uri: 'demo://a', name: 'a', mimeType: 'text/plain', description: 'first' },
        { type: 'resource', resource: { uri: 'demo://b', mimeType: 'text/plain', text: 'hello' } },
        { type: 'resource', resource: { uri: 'demo://c', mimeType: 'application/gzip', blob: 'AAAAAAAA' } },
      ],
    });
    expect(result).toEqual({
      type: 'text',
      content:
        '[resource link] a: demo://a (text/plain, first)\n[resource demo://b (text/plain)]\nhello\n' +
        '[resource demo://c (application/gzip): 6 bytes of binary data]',
    });
  });

  it('sends an embedded image resource as media', () => {
    const result = mapMCPToolResult({
      content: [{ type: 'resource', resource: { uri: 'demo://i', mimeType: 'image/png', blob: png } }],
    });
    expect(result.type).toBe('image');
    expect(result.data?.length).toBe(8);
  });

  it('keeps structuredContent as the JSON result', () => {
    const structured = { temperature: 36, conditions: 'rain' };
    const result = mapMCPToolResult({
      content: [{ type: 'text', text: JSON.stringify(structured) }],
      structuredContent: structured,
    });
    expect(result).toEqual({ type: 'json', content: '', value: structured });
  });

  it('makes isError an error result the model sees, media included as text', () => {
    const result = mapMCPToolResult({
      content: [
        { type: 'text', text: 'disk full' },
        { type: 'image', data: png, mimeType: 'image/png' },
      ],
      isError: true,
    });
    expect(result).toEqual({ type: 'text', content: 'disk full\n[image/png content]', isError: true });
    expect(mapMCPToolResult({ content: [], isError: true })).toEqual({
      type: 'text',
      content: 'the MCP tool failed',
      isError: true,
    });
  });

  it('says so in text when image data is not valid base64, instead of sending empty bytes', () => {
    const result = mapMCPToolResult({
      content: [{ type: 'image', data: '!!not base64!!', mimeType: 'image/png' }],
    });
    expect(result).toEqual({ type: 'text', content: '[image/png content that was not valid base64]' });
  });

  it('reads the toolResult of servers on the 2024-10-07 protocol', () => {
    expect(mapMCPToolResult({ toolResult: { ok: true } })).toEqual({ type: 'text', content: '{"ok":true}' });
  });
});
