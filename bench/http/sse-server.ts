/**
 * The HTTP case's server, run in its own process: chat-completions SSE on 127.0.0.1, one event per
 * `write()`, honouring back-pressure. `/text/v1/chat/completions` streams `textDeltas` text deltas;
 * `/tool/v1/chat/completions` streams one tool call whose arguments (about `toolBytes` characters) arrive in
 * 4-character deltas. Prints `listening <port>` once ready; exits when its stdin closes (the parent ended).
 *
 * Usage: sse-server.ts <textDeltas> <toolBytes>
 */
import { once } from 'node:events';
import { createServer, type ServerResponse } from 'node:http';
import { buildTextDeltas, splitText, textEvents, toolCallEvents } from '../support/chat-chunks.js';
import { buildToolArguments } from '../support/tool-input-fixtures.js';

/** The bodies the server sends, one buffer per event. */
export function buildHttpBodies(textDeltas: number, toolBytes: number) {
  const deltas = buildTextDeltas(textDeltas);
  const toolArguments = buildToolArguments(toolBytes);
  const encode = (events: readonly string[]) => events.map((event) => Buffer.from(event));
  return {
    text: encode(textEvents(deltas)),
    tool: encode(
      toolCallEvents({ id: 'call_1', name: 'lookup', argumentDeltas: splitText(toolArguments, 4) }),
    ),
    /** What a client must receive: the text length, the arguments' length. */
    expected: { text: deltas.join('').length, tool: toolArguments.length },
  };
}

async function send(response: ServerResponse, events: readonly Buffer[]): Promise<void> {
  response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  for (const event of events) if (!response.write(event)) await once(response, 'drain');
  response.end();
}

function main(): void {
  const bodies = buildHttpBodies(Number(process.argv[2]), Number(process.argv[3]));
  const server = createServer((request, response) => {
    request.resume();
    const kind = request.url?.startsWith('/tool/') ? 'tool' : 'text';
    request.on('end', () => void send(response, bodies[kind]).catch(() => response.destroy()));
  });
  server.on('connection', (socket) => socket.setNoDelay(true));
  server.listen(0, '127.0.0.1', () => {
    const address = server.address();
    process.stdout.write(`listening ${typeof address === 'object' && address ? address.port : 0}\n`);
  });
  process.stdin.on('end', () => process.exit(0));
  process.stdin.resume();
}

if (process.argv[1]?.endsWith('sse-server.ts')) main();
