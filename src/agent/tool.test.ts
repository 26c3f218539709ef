import { describe, expect, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import { jsonSchema } from '../schema/json-schema-wrapper.js';
import type { ProviderDefinedTool } from '../spec/tool.js';
import { executableProviderTool } from './executable-provider-tool.js';
import { tool } from './tool.js';
import {
  errorResponse,
  imageResponse,
  mediaResponse,
  stopTurn,
  textResponse,
  withResponseMetadata,
} from './tool-response.js';

const executeOptions = { toolCallId: 'call-1', messages: [] };

describe('tool', () => {
  it('infers the input type from a Zod schema and sends its JSON Schema', async () => {
    const weather = tool({
      name: 'weather',
      description: 'Weather in a city',
      inputSchema: z.object({ city: z.string() }),
      execute: ({ city }) => `Sunny in ${city}`,
    });
    expectTypeOf(weather.execute).parameter(0).toEqualTypeOf<{ city: string }>();
    expect(weather.inputSchema).toMatchObject({
      type: 'object',
      properties: { city: { type: 'string' } },
      required: ['city'],
    });
    expect(weather.inputSchema).not.toHaveProperty('$schema');
    expect(await weather.execute({ city: 'Paris' }, executeOptions)).toBe('Sunny in Paris');
  });

  it('validates with the schema library and returns its issues', async () => {
    const counter = tool({
      name: 'count',
      description: 'Counts',
      inputSchema: z.object({ times: z.number().int() }),
      execute: ({ times }) => String(times),
    });
    expect(await counter.validate({ times: 3 })).toEqual({ value: { times: 3 } });
    const failed = await counter.validate({ times: 'three' });
    expect(failed.issues?.[0]?.path).toBe('/times');
  });

  it('normalizes a plain JSON Schema for the wire without mutating it', () => {
    const schema = { type: 'object', properties: { tags: { type: ['array', 'null'] } } };
    const copy = structuredClone(schema);
    const tagger = tool({ name: 'tag', description: 'Tags', inputSchema: schema, execute: () => 'ok' });
    expect(tagger.inputSchema.properties?.tags).toEqual({
      anyOf: [{ type: 'array', items: {} }, { type: 'null' }],
    });
    expect(schema).toEqual(copy);
  });

  it('is sequential unless parallel is set, and keeps provider options', () => {
    const base = { description: 'd', inputSchema: jsonSchema<object>({ type: 'object' }), execute: () => '' };
    expect(tool({ ...base, name: 'a' }).parallel).toBe(false);
    const parallel = tool({
      ...base,
      name: 'b',
      parallel: true,
      providerOptions: { openai: { strict: true } },
    });
    expect(parallel.parallel).toBe(true);
    expect(parallel.providerOptions).toEqual({ openai: { strict: true } });
  });
});

describe('tool responses', () => {
  it('builds text, error, image and media responses', () => {
    const bytes = new Uint8Array([1, 2, 3]);
    expect(textResponse('hi')).toEqual({ type: 'text', content: 'hi' });
    expect(errorResponse('bad')).toEqual({ type: 'text', content: 'bad', isError: true });
    expect(imageResponse(bytes, 'image/png')).toEqual({
      type: 'image',
      content: '',
      data: bytes,
      mediaType: 'image/png',
    });
    expect(mediaResponse(bytes, 'audio/wav')).toEqual({
      type: 'media',
      content: '',
      data: bytes,
      mediaType: 'audio/wav',
    });
  });

  it('attaches metadata as JSON and ignores values JSON cannot encode', () => {
    const response = textResponse('ok');
    expect(withResponseMetadata(response, { width: 800, height: 600 }).metadata).toBe(
      '{"width":800,"height":600}',
    );
    expect(withResponseMetadata(response, null)).toBe(response);
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(withResponseMetadata(response, cyclic)).toBe(response);
  });

  it('marks a response, or a plain string, as ending the turn', () => {
    expect(stopTurn('done')).toEqual({ type: 'text', content: 'done', stopTurn: true });
    expect(stopTurn(errorResponse('no'))).toEqual({
      type: 'text',
      content: 'no',
      isError: true,
      stopTurn: true,
    });
  });
});

describe('executableProviderTool', () => {
  it('keeps the provider definition and its name', () => {
    const definition: ProviderDefinedTool = {
      type: 'provider-defined',
      id: 'test.computer',
      name: 'computer',
      args: {},
    };
    const computer = executableProviderTool(definition, () => 'clicked');
    expect(computer.name).toBe('computer');
    expect(computer.definition).toBe(definition);
  });
});
