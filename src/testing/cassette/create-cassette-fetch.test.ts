import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CassetteMissError } from '../../errors/cassette-miss-error.js';
import type { CassetteBody, RecordedInteraction, RecordedResponse } from './cassette.js';
import { readCassetteFile, writeCassetteFile } from './cassette-file.js';
import { createCassetteFetch } from './create-cassette-fetch.js';
import { parseCassette } from './parse-cassette.js';

const encoder = new TextEncoder();
const decoder = new TextDecoder();
const chatUrl = 'https://api.example.com/v1/chat';

/** The recorded sessions of Fantasy (Go), kept next to the repository, not in it. */
const sharedFolder = fileURLToPath(new URL('../../../../shared/conformance/cassettes/', import.meta.url));
const sharedNote = `(needs the shared cassettes in ${sharedFolder})`;
const itWithSharedData = it.skipIf(!existsSync(sharedFolder));
const seedPath = join(
  sharedFolder,
  'TestOpenAICompatObjectGeneration/xai-grok-4-fast/simple_object_streaming.yaml',
);
const toolPath = join(sharedFolder, 'TestOpenAICommon/openai-gpt-4o/tool.yaml');
const bedrockPath = join(
  sharedFolder,
  'TestBedrockCommon/bedrock-anthropic-claude-haiku-4-5/simple_streaming.yaml',
);
const geminiPath = join(sharedFolder, 'TestGoogleCommon/gemini-3-pro-preview/simple_streaming.yaml');

/** The recorded interactions of a shared cassette, to send their requests as a provider would. */
function loadShared(path: string): RecordedInteraction[] {
  return parseCassette(readFileSync(path, 'utf8')).interactions;
}

function firstInteraction(path: string): RecordedInteraction {
  const [interaction] = loadShared(path);
  if (!interaction) throw new Error(`${path} has no interactions`);
  return interaction;
}

/** A small interaction: POST {"n":id} to chatUrl, answered with {"answer":id}. */
function createInteraction(id: number, response: Partial<RecordedResponse> = {}): RecordedInteraction {
  return {
    id,
    request: {
      method: 'POST',
      url: chatUrl,
      body: `{"n":${id}}`,
      headers: { 'Content-Type': ['application/json'] },
      proto: 'HTTP/1.1',
      contentLength: 7,
      host: 'api.example.com',
    },
    response: {
      code: 200,
      status: '200 OK',
      body: `{"answer":${id}}`,
      headers: { 'Content-Type': ['application/json'] },
      proto: 'HTTP/2.0',
      contentLength: -1,
      duration: '1.5ms',
      ...response,
    },
  };
}

function post(body: CassetteBody, init: RequestInit = {}): RequestInit {
  const bytes = typeof body === 'string' ? body : body.slice();
  return { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: bytes, ...init };
}

/** Reads a response body to the end, keeping the chunks as they arrived. */
async function readChunks(response: Response): Promise<Uint8Array[]> {
  const chunks: Uint8Array[] = [];
  const reader = response.body?.getReader();
  for (let result = await reader?.read(); result && !result.done; result = await reader?.read()) {
    chunks.push(result.value);
  }
  return chunks;
}

function joinChunks(chunks: readonly Uint8Array[]): Uint8Array {
  return Uint8Array.from(chunks.flatMap((chunk) => [...chunk]));
}

/** A stand-in for the network: answers every request with the given chunks, one per pull, and logs calls. */
function createFakeFetch(answer: {
  chunks: Uint8Array[];
  headers?: Record<string, string>;
  failAfter?: number;
}) {
  const requests: { url: string; method: string; headers: Headers; body: string }[] = [];
  let pulls = 0;
  const fakeFetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    requests.push({
      url: request.url,
      method: request.method,
      headers: request.headers,
      body: await request.text(),
    });
    let index = 0;
    const body = new ReadableStream<Uint8Array>(
      {
        pull(controller) {
          pulls++;
          if (answer.failAfter === index) return controller.error(new TypeError('connection reset'));
          const chunk = answer.chunks[index++];
          if (chunk) controller.enqueue(chunk);
          else controller.close();
        },
      },
      { highWaterMark: 0 },
    );
    return new Response(body, { status: 200, headers: answer.headers ?? {} });
  };
  return { fakeFetch, requests, pullCount: () => pulls };
}

let folder: string;
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'fantasy-cassette-'));
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe(`createCassetteFetch in replay mode ${sharedNote}`, () => {
  itWithSharedData('returns the recorded SSE body exactly, as a stream of several chunks', async () => {
    const { request, response } = firstInteraction(seedPath);
    const fetch = createCassetteFetch({ path: seedPath });
    const replayed = await fetch(request.url, post(request.body));
    expect(replayed.status).toBe(200);
    expect(replayed.statusText).toBe('OK');
    expect(replayed.headers.get('content-type')).toBe('text/event-stream');
    expect(replayed.url).toBe('https://api.x.ai/v1/chat/completions');
    const chunks = await readChunks(replayed);
    expect(chunks.length).toBe(4);
    expect(decoder.decode(chunks[0])).toMatch(/^data: \{.*\}\n\n$/);
    expect(decoder.decode(joinChunks(chunks))).toBe(response.body);
    expect(fetch.remaining()).toBe(0);
  });

  itWithSharedData(
    'matches a JSON body sent with its keys in another order and 4000 written as 4000.0',
    async () => {
      const { request } = firstInteraction(seedPath);
      const parsed = JSON.parse(request.body as string) as Record<string, unknown>;
      const reordered = JSON.stringify(Object.fromEntries(Object.entries(parsed).reverse()));
      expect(reordered).toContain('"max_tokens":4000');
      const body = reordered.replace('"max_tokens":4000', '"max_tokens":4000.0');
      const fetch = createCassetteFetch({ path: seedPath });
      const replayed = await fetch(request.url, post(body));
      expect(replayed.status).toBe(200);
    },
  );

  itWithSharedData(
    'rejects a request that matches nothing with a CassetteMissError showing the difference',
    async () => {
      const { request } = firstInteraction(seedPath);
      const body = (request.body as string)
        .replace('named Alice', 'named Bob')
        .replace('"max_tokens":4000,', '');
      const fetch = createCassetteFetch({ path: seedPath });
      const error = await fetch(request.url, post(body)).catch((caught: unknown) => caught);
      expect(CassetteMissError.isInstance(error)).toBe(true);
      const miss = error as CassetteMissError;
      expect(miss.reason).toBe('no-match');
      expect(miss.closestId).toBe(0);
      expect(miss.message).toContain(seedPath);
      expect(miss.message).toContain('POST https://api.x.ai/v1/chat/completions');
      expect(miss.differences).toEqual([
        '$.messages[0].content: recorded …"bout a person named Alice who is 30 years old and lives in P"… actual …"bout a person named Bob who is 30 years old and lives in Par"…',
        '$.max_tokens: missing in actual (recorded 4000)',
      ]);
      expect(fetch.remaining()).toBe(1);
    },
  );

  itWithSharedData('consumes interactions in order and misses once every one is used', async () => {
    const [first, second] = loadShared(toolPath);
    if (!first || !second) throw new Error('the tool cassette has two interactions');
    const fetch = createCassetteFetch({ path: toolPath });
    const firstResponse = await fetch(first.request.url, post(first.request.body));
    expect(await firstResponse.text()).toBe(first.response.body);
    expect(fetch.remaining()).toBe(1);
    const secondResponse = await fetch(second.request.url, post(second.request.body));
    expect(await secondResponse.text()).toBe(second.response.body);
    expect(fetch.remaining()).toBe(0);
    expect(fetch.interactions).toHaveLength(2);
    const error = await fetch(first.request.url, post(first.request.body)).catch((caught: unknown) => caught);
    expect((error as CassetteMissError).message).toContain('every recorded interaction has been used');
  });

  itWithSharedData('replays a Bedrock !!binary event stream byte for byte', async () => {
    const { request } = firstInteraction(bedrockPath);
    const text = readFileSync(bedrockPath, 'utf8');
    const base64 =
      /body: !!binary \|\n((?: {6}[A-Za-z0-9+/=]+\n)+)/.exec(text)?.[1]?.replace(/\s+/g, '') ?? '';
    const fetch = createCassetteFetch({ path: bedrockPath });
    const replayed = await fetch(request.url, post(request.body));
    expect(replayed.headers.get('content-type')).toBe('application/vnd.amazon.eventstream');
    const bytes = joinChunks(await readChunks(replayed));
    expect(base64.length).toBeGreaterThan(1000);
    expect(Buffer.from(bytes).equals(Buffer.from(base64, 'base64'))).toBe(true);
  });

  itWithSharedData('splits a Gemini SSE body at its CRLF event separators', async () => {
    const { request, response } = firstInteraction(geminiPath);
    const fetch = createCassetteFetch({ path: geminiPath });
    const chunks = await readChunks(await fetch(request.url, post(request.body)));
    expect(chunks.length).toBe(4);
    expect(decoder.decode(chunks[0])).toMatch(/^data: .*\r\n\r\n$/s);
    expect(decoder.decode(joinChunks(chunks))).toBe(response.body);
  });

  itWithSharedData('matches a request that carries an API key in the query string', async () => {
    const { request } = firstInteraction(geminiPath);
    expect(request.url).toMatch(/\?alt=sse$/);
    const fetch = createCassetteFetch({ path: geminiPath });
    const replayed = await fetch(`${request.url}&key=AIzaSyReplayKey`, post(request.body));
    expect(replayed.status).toBe(200);
  });

  itWithSharedData('accepts a URL object and a Request as the input', async () => {
    const { request, response } = firstInteraction(seedPath);
    const fromUrl = createCassetteFetch({ path: seedPath });
    expect(await (await fromUrl(new URL(request.url), post(request.body))).text()).toBe(response.body);
    const fromRequest = createCassetteFetch({ path: seedPath });
    const input = new Request(request.url, post(request.body));
    expect(await (await fromRequest(input)).text()).toBe(response.body);
  });

  itWithSharedData('can be passed wherever a fetch function is expected', () => {
    const asFetch: typeof fetch = createCassetteFetch({ path: seedPath });
    expect(typeof asFetch).toBe('function');
  });
});

describe('createCassetteFetch in replay mode with cassettes written by the test', () => {
  it('rejects with a CassetteMissError naming the path and how to record it when the file is missing', async () => {
    const path = join(folder, 'missing.yaml');
    const fetch = createCassetteFetch({ path });
    const error = await fetch('https://x.test/', { method: 'GET' }).catch((caught: unknown) => caught);
    expect(CassetteMissError.isInstance(error)).toBe(true);
    expect((error as CassetteMissError).reason).toBe('missing-cassette');
    expect((error as Error).message).toBe(
      `cassette ${path} does not exist. Record it first with mode 'record' (or 'record-once').`,
    );
  });

  it('answers identical requests with the recorded responses in order', async () => {
    const path = join(folder, 'repeated.yaml');
    const [first, second] = [createInteraction(0), createInteraction(1)];
    second.request.body = first.request.body;
    await writeCassetteFile(path, { interactions: [first, second] });
    const fetch = createCassetteFetch({ path });
    const call = () => fetch(first.request.url, post(first.request.body));
    expect(await (await call()).text()).toBe('{"answer":0}');
    expect(await (await call()).text()).toBe('{"answer":1}');
  });

  it('skips a used interaction to reach a later one that matches', async () => {
    const path = join(folder, 'skip.yaml');
    await writeCassetteFile(path, { interactions: [createInteraction(0), createInteraction(1)] });
    const fetch = createCassetteFetch({ path });
    expect(await (await fetch('https://api.example.com/v1/chat', post('{"n":1}'))).text()).toBe(
      '{"answer":1}',
    );
    expect(fetch.remaining()).toBe(1);
    expect(await (await fetch('https://api.example.com/v1/chat', post('{"n":0}'))).text()).toBe(
      '{"answer":0}',
    );
  });

  it('uses the match option instead of the default rule', async () => {
    const path = join(folder, 'custom-match.yaml');
    await writeCassetteFile(path, { interactions: [createInteraction(0)] });
    const fetch = createCassetteFetch({ path, match: (actual) => actual.url.endsWith('/chat') });
    expect((await fetch('https://api.example.com/v1/chat', post('{"different":true}'))).status).toBe(200);
  });

  it('rejects at once with the reason of a signal that is already aborted', async () => {
    const path = join(folder, 'abort-before.yaml');
    await writeCassetteFile(path, { interactions: [createInteraction(0)] });
    const fetch = createCassetteFetch({ path });
    const controller = new AbortController();
    controller.abort();
    const call = fetch('https://api.example.com/v1/chat', post('{"n":0}', { signal: controller.signal }));
    await expect(call).rejects.toBe(controller.signal.reason);
    expect(controller.signal.reason).toBeInstanceOf(DOMException);
    expect((controller.signal.reason as DOMException).name).toBe('AbortError');
    expect(fetch.remaining()).toBe(0);
  });

  it('errors the body with the signal reason when aborted in the middle of it', async () => {
    const path = join(folder, 'abort-during.yaml');
    const body = 'data: {"a":1}\n\ndata: {"a":2}\n\ndata: [DONE]\n\n';
    const interaction = createInteraction(0, { body, headers: { 'Content-Type': ['text/event-stream'] } });
    await writeCassetteFile(path, { interactions: [interaction] });
    const fetch = createCassetteFetch({ path });
    const controller = new AbortController();
    const response = await fetch(
      'https://api.example.com/v1/chat',
      post('{"n":0}', { signal: controller.signal }),
    );
    const reader = response.body!.getReader();
    const first = await reader.read();
    expect(decoder.decode(first.value)).toBe('data: {"a":1}\n\n');
    controller.abort();
    await expect(reader.read()).rejects.toBe(controller.signal.reason);
  });

  it('answers a status that cannot have a body with no body', async () => {
    const path = join(folder, 'no-content.yaml');
    await writeCassetteFile(path, {
      interactions: [createInteraction(0, { code: 204, status: '204 No Content', body: '' })],
    });
    const response = await createCassetteFetch({ path })('https://api.example.com/v1/chat', post('{"n":0}'));
    expect(response.status).toBe(204);
    expect(response.statusText).toBe('No Content');
    expect(response.body).toBeNull();
  });
});

/** Records one call, then replays the same call from the written file; returns both bodies. */
async function recordThenReplay(options: { name: string; chunks: Uint8Array[]; contentType: string }) {
  const path = join(folder, `${options.name}.yaml`);
  const { fakeFetch } = createFakeFetch({
    chunks: options.chunks,
    headers: { 'content-type': options.contentType },
  });
  const recorder = createCassetteFetch({ path, mode: 'record', fetch: fakeFetch });
  const recordedChunks = await readChunks(await recorder(chatUrl, post('{"q":1}')));
  await recorder.done();
  const replayer = createCassetteFetch({ path });
  const replayedChunks = await readChunks(await replayer(chatUrl, post('{"q":1}')));
  return { path, recordedChunks, replayedChunks, written: await readFile(path, 'utf8') };
}

describe('createCassetteFetch in record mode', () => {
  it('writes a JSON body that replays identically', async () => {
    const body = '{"id":"x","choices":[{"message":{"content":"Olá! 👋"}}]}';
    const result = await recordThenReplay({
      name: 'json',
      chunks: [encoder.encode(body)],
      contentType: 'application/json',
    });
    expect(decoder.decode(joinChunks(result.recordedChunks))).toBe(body);
    expect(joinChunks(result.replayedChunks)).toEqual(joinChunks(result.recordedChunks));
    expect(result.written).toContain(`    body: '${body}'\n`);
  });

  it('hands SSE chunks on as they arrive and replays the same bytes event by event', async () => {
    const events = ['data: {"a":1}\n\n', 'data: {"a":2}\n\n', 'data: [DONE]\n\n'];
    // Split across event boundaries on the way in, as a network would.
    const wire = ['data: {"a"', ':1}\n\ndata: {"a":2}\n', '\ndata: [DONE]\n\n'].map((part) =>
      encoder.encode(part),
    );
    const result = await recordThenReplay({ name: 'sse', chunks: wire, contentType: 'text/event-stream' });
    expect(result.recordedChunks).toEqual(wire);
    expect(result.replayedChunks.map((chunk) => decoder.decode(chunk))).toEqual(events);
    expect(result.written).toContain('    body: |+\n      data: {"a":1}\n\n      data: {"a":2}\n');
  });

  it('writes an AWS event stream as !!binary and replays it byte for byte', async () => {
    const frames = [Uint8Array.from([0, 0, 0, 16, 0xff, 0xfe, 1, 2]), Uint8Array.from([3, 0x80, 0x81, 0])];
    const result = await recordThenReplay({
      name: 'binary',
      chunks: frames,
      contentType: 'application/vnd.amazon.eventstream',
    });
    expect(result.written).toContain('    body: !!binary |\n');
    expect(joinChunks(result.replayedChunks)).toEqual(joinChunks(frames));
  });

  it('writes a body that is not UTF-8 as !!binary whatever its content type', async () => {
    const bytes = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0xff]);
    const result = await recordThenReplay({ name: 'png', chunks: [bytes], contentType: 'text/plain' });
    expect(result.written).toContain('!!binary');
    expect(joinChunks(result.replayedChunks)).toEqual(bytes);
  });

  it('reads the real body only as fast as the caller does', async () => {
    const chunks = ['a', 'b', 'c', 'd'].map((part) => encoder.encode(part));
    const { fakeFetch, pullCount } = createFakeFetch({ chunks });
    const recorder = createCassetteFetch({
      path: join(folder, 'lazy.yaml'),
      mode: 'record',
      fetch: fakeFetch,
    });
    const reader = (await recorder(chatUrl, post('{}'))).body!.getReader();
    await reader.read();
    expect(pullCount()).toBeLessThanOrEqual(2);
    await reader.cancel();
  });

  it('sends the request unchanged, body included, to the real fetch', async () => {
    const { fakeFetch, requests } = createFakeFetch({ chunks: [] });
    const recorder = createCassetteFetch({
      path: join(folder, 'forward.yaml'),
      mode: 'record',
      fetch: fakeFetch,
    });
    await (
      await recorder(new Request(`${chatUrl}?x=1`, post('{"q":2}', { headers: { 'X-Trace': 't1' } })))
    ).text();
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({ url: `${chatUrl}?x=1`, method: 'POST', body: '{"q":2}' });
    expect(requests[0]?.headers.get('x-trace')).toBe('t1');
  });

  it('records what was received when the caller cancels part way', async () => {
    const path = join(folder, 'cancelled.yaml');
    const { fakeFetch } = createFakeFetch({
      chunks: ['first ', 'second'].map((part) => encoder.encode(part)),
    });
    const recorder = createCassetteFetch({ path, mode: 'record', fetch: fakeFetch });
    const reader = (await recorder(chatUrl, post('{}'))).body!.getReader();
    await reader.read();
    await reader.cancel();
    await recorder.done();
    expect((await readCassetteFile(path))?.interactions[0]?.response.body).toBe('first ');
  });

  it('records what was received and passes the error on when the real body fails', async () => {
    const path = join(folder, 'failed.yaml');
    const { fakeFetch } = createFakeFetch({ chunks: [encoder.encode('partial')], failAfter: 1 });
    const recorder = createCassetteFetch({ path, mode: 'record', fetch: fakeFetch });
    const response = await recorder(chatUrl, post('{}'));
    await expect(response.text()).rejects.toThrow('connection reset');
    await recorder.done();
    expect((await readCassetteFile(path))?.interactions[0]?.response.body).toBe('partial');
  });

  it('starts a fresh file and writes concurrent calls one after another', async () => {
    const path = join(folder, 'fresh.yaml');
    await writeFile(
      path,
      'version: 2\ninteractions: [{request: {method: GET, url: old}, response: {code: 200}}]\n',
    );
    const { fakeFetch } = createFakeFetch({ chunks: [encoder.encode('{}')] });
    const recorder = createCassetteFetch({ path, mode: 'record', fetch: fakeFetch });
    const responses = await Promise.all([
      recorder(chatUrl, post('{"n":1}')),
      recorder(chatUrl, post('{"n":2}')),
    ]);
    await Promise.all(responses.map((response) => response.text()));
    await recorder.done();
    const cassette = await readCassetteFile(path);
    expect(cassette?.interactions.map((interaction) => interaction.id)).toEqual([0, 1]);
    expect(cassette?.interactions.map((interaction) => interaction.request.body).sort()).toEqual([
      '{"n":1}',
      '{"n":2}',
    ]);
    expect(recorder.interactions).toEqual(cassette?.interactions);
  });

  it('keeps only the Accept, Content-Type and User-Agent request headers, and drops encoding headers', async () => {
    const path = join(folder, 'headers.yaml');
    const { fakeFetch } = createFakeFetch({
      chunks: [encoder.encode('{}')],
      headers: { 'content-type': 'application/json', 'content-encoding': 'gzip', 'x-request-id': 'req_1' },
    });
    const recorder = createCassetteFetch({ path, mode: 'record', fetch: fakeFetch });
    const headers = {
      Accept: 'application/json',
      'User-Agent': 'fantasy-ts/0.1',
      'anthropic-version': '2023-06-01',
    };
    await (
      await recorder(chatUrl, post('{}', { headers: { ...headers, 'Content-Type': 'application/json' } }))
    ).text();
    await recorder.done();
    const interaction = (await readCassetteFile(path))?.interactions[0];
    expect(interaction?.request.headers).toEqual({
      Accept: ['application/json'],
      'Content-Type': ['application/json'],
      'User-Agent': ['fantasy-ts/0.1'],
    });
    expect(interaction?.response.headers).toEqual({
      'Content-Type': ['application/json'],
      'X-Request-Id': ['req_1'],
    });
    expect(interaction?.response).toMatchObject({ code: 200, status: '200 OK', uncompressed: true });
  });

  it('never writes a credential, wherever the call carried or echoed it', async () => {
    const path = join(folder, 'secrets.yaml');
    const secrets = {
      bearer: 'test-secret-bearer-0123456789',
      apiKey: 'test-secret-x-api-key-42',
      googleKey: 'AIzaSecretGoogleHeaderKey',
      azureKey: 'azure-secret-api-key-77',
      queryKey: 'AIzaSecretQueryParameterKey',
    };
    const { fakeFetch, requests } = createFakeFetch({
      chunks: [encoder.encode('{"ok":true}')],
      headers: {
        'content-type': 'application/json',
        'x-echo-key': secrets.apiKey,
        'set-cookie': 'session=cookie-secret-value',
      },
    });
    const recorder = createCassetteFetch({ path, mode: 'record', fetch: fakeFetch });
    const headers = {
      'Content-Type': 'application/json',
      Authorization: `Bearer ${secrets.bearer}`,
      'x-api-key': secrets.apiKey,
      'x-goog-api-key': secrets.googleKey,
      'api-key': secrets.azureKey,
    };
    const url = `https://generativelanguage.googleapis.com/v1beta/models/m:streamGenerateContent?alt=sse&key=${secrets.queryKey}`;
    await (await recorder(url, post('{"q":1}', { headers }))).text();
    await recorder.done();
    expect(requests[0]?.headers.get('authorization')).toBe(`Bearer ${secrets.bearer}`);
    const written = await readFile(path, 'utf8');
    for (const secret of [...Object.values(secrets), 'cookie-secret-value'])
      expect(written).not.toContain(secret);
    expect(written).toContain(
      '    url: https://generativelanguage.googleapis.com/v1beta/models/m:streamGenerateContent?alt=sse\n',
    );
    expect(written).toContain('      X-Echo-Key:\n      - REDACTED\n');
    const replayer = createCassetteFetch({ path });
    expect((await replayer(url, post('{"q":1}', { headers }))).status).toBe(200);
  });

  it('strips the extra names given in the redact option', async () => {
    const path = join(folder, 'extra-redaction.yaml');
    const { fakeFetch } = createFakeFetch({
      chunks: [],
      headers: { 'x-internal-token': 'internal-secret-1234' },
    });
    const recorder = createCassetteFetch({
      path,
      mode: 'record',
      fetch: fakeFetch,
      redact: { headers: ['X-Internal-Token'], queryParameters: ['signature'] },
    });
    await (await recorder(`${chatUrl}?signature=sig-secret-5678&v=1`, post('{}'))).text();
    await recorder.done();
    const written = await readFile(path, 'utf8');
    expect(written).not.toContain('internal-secret-1234');
    expect(written).not.toContain('sig-secret-5678');
    expect(written).toContain(`url: ${chatUrl}?v=1\n`);
  });

  it('rejects done() when the cassette cannot be written', async () => {
    const blocker = join(folder, 'not-a-folder');
    await writeFile(blocker, 'a file where a folder is needed');
    const { fakeFetch } = createFakeFetch({ chunks: [] });
    const recorder = createCassetteFetch({ path: join(blocker, 'x.yaml'), mode: 'record', fetch: fakeFetch });
    await (await recorder(chatUrl, post('{}'))).text();
    await expect(recorder.done()).rejects.toThrow();
  });
});

describe('createCassetteFetch in record-once mode', () => {
  it('replays without calling the real fetch when the cassette exists', async () => {
    const path = join(folder, 'record-once-existing.yaml');
    await writeCassetteFile(path, { interactions: [createInteraction(0)] });
    const { fakeFetch, requests } = createFakeFetch({ chunks: [encoder.encode('{"live":true}')] });
    const onceFetch = createCassetteFetch({ path, mode: 'record-once', fetch: fakeFetch });
    expect(await (await onceFetch(chatUrl, post('{"n":0}'))).text()).toBe('{"answer":0}');
    expect(requests).toHaveLength(0);
    expect(onceFetch.remaining()).toBe(0);
  });

  it('records when the cassette does not exist yet', async () => {
    const path = join(folder, 'nested', 'record-once-new.yaml');
    const { fakeFetch, requests } = createFakeFetch({ chunks: [encoder.encode('{"live":true}')] });
    const onceFetch = createCassetteFetch({ path, mode: 'record-once', fetch: fakeFetch });
    expect(await (await onceFetch(chatUrl, post('{}'))).text()).toBe('{"live":true}');
    await onceFetch.done();
    expect(requests).toHaveLength(1);
    expect((await readCassetteFile(path))?.interactions).toHaveLength(1);
  });
});

describe('createCassetteFetch in passthrough mode', () => {
  it('calls the real fetch with the original arguments and writes nothing', async () => {
    const path = join(folder, 'passthrough.yaml');
    const calls: unknown[][] = [];
    const realFetch = async (...parameters: unknown[]) => {
      calls.push(parameters);
      return new Response('live');
    };
    const init = post('{}');
    const passthrough = createCassetteFetch({ path, mode: 'passthrough', fetch: realFetch });
    expect(await (await passthrough(chatUrl, init)).text()).toBe('live');
    await passthrough.done();
    expect(calls).toEqual([[chatUrl, init]]);
    expect(await readCassetteFile(path)).toBeUndefined();
    expect(passthrough.interactions).toHaveLength(0);
  });
});

describe('createCassetteFetch options', () => {
  it('rejects an unknown mode', () => {
    expect(() => createCassetteFetch({ path: 'x.yaml', mode: 'rewind' as 'replay' })).toThrow(
      'mode must be one of replay, record, record-once, passthrough',
    );
  });

  it('exposes the interactions it recorded', async () => {
    const { fakeFetch } = createFakeFetch({ chunks: [encoder.encode('{"answer":0}')] });
    const recorder = createCassetteFetch({
      path: join(folder, 'exposed.yaml'),
      mode: 'record',
      fetch: fakeFetch,
    });
    await (await recorder('https://api.example.com/v1/chat', post('{"n":0}'))).text();
    await recorder.done();
    const expected = createInteraction(0);
    expect(recorder.interactions[0]?.request).toMatchObject({
      url: expected.request.url,
      body: expected.request.body,
    });
    expect(recorder.interactions[0]?.response.body).toBe(expected.response.body);
  });
});
