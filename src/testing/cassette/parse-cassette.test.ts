import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { InvalidCassetteError } from '../../errors/invalid-cassette-error.js';
import { parseCassette } from './parse-cassette.js';
import { stringifyCassette } from './stringify-cassette.js';

/** The recorded sessions of Fantasy (Go), kept next to the repository, not in it. */
const sharedCassettesFolder = fileURLToPath(
  new URL('../../../../shared/conformance/cassettes/', import.meta.url),
);
const sharedCassettesMissing = !existsSync(sharedCassettesFolder);
const sharedCassettesNote = `(needs the shared cassettes in ${sharedCassettesFolder})`;

function sharedCassette(relativePath: string): string {
  return join(sharedCassettesFolder, relativePath);
}

function listYamlFiles(folder: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.yaml'))
    .map((name) => join(folder, name));
}

describe('parseCassette', () => {
  it.skipIf(sharedCassettesMissing)(
    `reads every shared cassette and writes it back to an equal cassette ${sharedCassettesNote}`,
    () => {
      const files = listYamlFiles(sharedCassettesFolder);
      expect(files.length).toBeGreaterThan(100);
      for (const file of files) {
        const cassette = parseCassette(readFileSync(file, 'utf8'), { path: file });
        expect(cassette.interactions.length, file).toBeGreaterThan(0);
        expect(parseCassette(stringifyCassette(cassette)), file).toEqual(cassette);
      }
    },
  );

  it.skipIf(sharedCassettesMissing)(
    `reads the seed cassette's request and SSE response ${sharedCassettesNote}`,
    () => {
      const path = sharedCassette(
        'TestOpenAICompatObjectGeneration/xai-grok-4-fast/simple_object_streaming.yaml',
      );
      const [interaction] = parseCassette(readFileSync(path, 'utf8')).interactions;
      expect(interaction?.request).toMatchObject({
        method: 'POST',
        url: 'https://api.x.ai/v1/chat/completions',
        headers: { 'Content-Type': ['application/json'] },
      });
      expect(interaction?.request.body).toContain(`"description":"The person's age"`);
      expect(interaction?.response).toMatchObject({ code: 200, status: '200 OK', duration: '635.784ms' });
      expect(interaction?.response.body).toMatch(/^data: \{.*\n\ndata: \[DONE\]\n\n$/s);
    },
  );

  it.skipIf(sharedCassettesMissing)(
    `reads a !!binary body as the bytes its base64 encodes ${sharedCassettesNote}`,
    () => {
      const text = readFileSync(
        sharedCassette('TestBedrockCommon/bedrock-anthropic-claude-haiku-4-5/simple_streaming.yaml'),
        'utf8',
      );
      const base64 =
        /body: !!binary \|\n((?: {6}[A-Za-z0-9+/=]+\n)+)/.exec(text)?.[1]?.replace(/\s+/g, '') ?? '';
      const body = parseCassette(text).interactions[0]?.response.body;
      expect(body).toBeInstanceOf(Uint8Array);
      expect(Buffer.from(body as Uint8Array).equals(Buffer.from(base64, 'base64'))).toBe(true);
    },
  );

  it('fills go-vcr zero values for fields a hand-written cassette leaves out', () => {
    const cassette = parseCassette(
      'version: 2\ninteractions:\n- request: {method: GET, url: "https://x.test/"}\n  response: {code: 204}\n',
    );
    expect(cassette.interactions[0]).toEqual({
      id: 0,
      request: {
        method: 'GET',
        url: 'https://x.test/',
        body: '',
        headers: {},
        proto: '',
        contentLength: -1,
        host: '',
      },
      response: {
        code: 204,
        status: '204',
        body: '',
        headers: {},
        proto: '',
        contentLength: -1,
        duration: '',
      },
    });
  });

  it('reads an empty cassette as one without interactions', () => {
    expect(parseCassette('---\nversion: 2\ninteractions: []\n')).toEqual({ interactions: [] });
  });

  it('rejects text that is not YAML with an error naming the file', () => {
    expect(() => parseCassette('interactions: [', { path: 'broken.yaml' })).toThrow(InvalidCassetteError);
    expect(() => parseCassette('interactions: [', { path: 'broken.yaml' })).toThrow(/broken\.yaml/);
  });

  it('names the field that is missing or of the wrong type', () => {
    const text = 'version: 2\ninteractions:\n- request: {method: GET}\n  response: {code: 200}\n';
    expect(() => parseCassette(text)).toThrow('interactions[0].request.url is missing');
    expect(() => parseCassette('version: 3\n')).toThrow('version must be 2');
  });
});
