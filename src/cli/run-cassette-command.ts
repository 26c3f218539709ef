import { resolve } from 'node:path';
import { bedrockEventData } from '../providers/bedrock/decode-bedrock-events.js';
import { EventStreamDecoder } from '../providers/bedrock/event-stream-decoder.js';
import type { CassetteBody, RecordedInteraction } from '../testing/cassette/cassette.js';
import { cassetteBodyToText } from '../testing/cassette/cassette-body.js';
import { readCassetteFile } from '../testing/cassette/cassette-file.js';
import { abbreviateJson, formatJson } from './abbreviate-json.js';
import type { CliEnvironment, CliOutput } from './cli-environment.js';
import { cliHelp } from './cli-help.js';
import { CliUsageError } from './cli-usage-error.js';
import { parseCommandArgs } from './parse-cli-options.js';
import { summarizeSse } from './summarize-sse.js';
import { type TerminalStyle, terminalStyle } from './terminal-style.js';

const cassetteOptionSpecs = { full: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } as const;

/** `fantasy cassette show <file>`: a recorded session, readably. */
export async function runCassetteCommand(
  args: readonly string[],
  environment: CliEnvironment,
): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, cassetteOptionSpecs);
  const [action, file, ...extra] = positionals;
  if (values.help || action === undefined) {
    environment.stdout.write(`${cliHelp.cassette}\n`);
    return values.help ? 0 : 2;
  }
  if (action !== 'show' || file === undefined || extra.length > 0) {
    throw new CliUsageError('usage: fantasy cassette show [--full] <file.yaml>');
  }
  const path = resolve(environment.cwd ?? process.cwd(), file);
  const cassette = await readCassetteFile(path);
  if (cassette === undefined) throw new CliUsageError(`no cassette at ${path}`);
  const printer = createPrinter(
    environment.stdout,
    terminalStyle(environment.stdout, environment.env),
    values.full === true,
  );
  printer.line(
    `${path}: ${cassette.interactions.length} interaction${cassette.interactions.length === 1 ? '' : 's'}`,
  );
  for (const interaction of cassette.interactions) printer.interaction(interaction);
  return 0;
}

function createPrinter(output: CliOutput, style: TerminalStyle, full: boolean) {
  const limits = full ? { maxString: Number.POSITIVE_INFINITY, maxItems: Number.POSITIVE_INFINITY } : {};
  const line = (text: string, indent = 0) => output.write(`${' '.repeat(indent)}${text}\n`);
  const block = (text: string, indent: number) => {
    for (const row of text.split('\n')) line(row, indent);
  };
  const body = (recorded: CassetteBody, contentType: string, indent: number) => {
    const text = cassetteBodyToText(recorded) ?? awsEventStreamAsSse(recorded, contentType);
    if (text === undefined) return line(style.dim(`(${recorded.length} bytes of binary)`), indent);
    if (text === '') return line(style.dim('(empty body)'), indent);
    if (contentType.includes('text/event-stream') || /^(data|event):/m.test(text.slice(0, 200))) {
      return block(describeSse(text, full), indent);
    }
    const json = parseJson(text);
    if (json !== undefined)
      return block(formatJson(abbreviateJson(json, limits), { width: 110 - indent }), indent);
    return block(
      full || text.length <= 500 ? text : `${text.slice(0, 500)}…(+${text.length - 500} chars)`,
      indent,
    );
  };
  return {
    line,
    interaction(interaction: RecordedInteraction) {
      const { request, response } = interaction;
      line('');
      line(style.bold(`#${interaction.id} ${request.method} ${request.url}`));
      body(request.body, headerOf(request.headers, 'content-type'), 4);
      const contentType = headerOf(response.headers, 'content-type');
      const facts = [contentType, response.duration].filter((fact) => fact !== '').join(' · ');
      line(style.cyan(`→ ${response.status}${facts ? ` · ${facts}` : ''}`), 2);
      body(response.body, contentType, 4);
    },
  };
}

function describeSse(text: string, full: boolean): string {
  const summary = summarizeSse(text);
  const cut = (value: string) =>
    full || value.length <= 400 ? value : `${value.slice(0, 400)}…(+${value.length - 400} chars)`;
  const rows = [`${summary.events} events`];
  if (summary.reasoning !== '') rows.push(`reasoning: ${JSON.stringify(cut(summary.reasoning))}`);
  if (summary.text !== '') rows.push(`text: ${JSON.stringify(cut(summary.text))}`);
  for (const call of summary.toolCalls) rows.push(`tool call: ${call.name} ${cut(call.input)}`);
  for (const error of summary.errors) rows.push(`error: ${error}`);
  if (summary.finishReason !== undefined) rows.push(`finish: ${summary.finishReason}`);
  if (summary.usage !== undefined) rows.push(`usage: ${JSON.stringify(summary.usage)}`);
  return rows.join('\n');
}

/**
 * Bedrock streams AWS event-stream frames, each holding one Anthropic event: decoded here into the
 * server-sent events Anthropic itself would send, so they summarize the same way.
 */
function awsEventStreamAsSse(body: CassetteBody, contentType: string): string | undefined {
  if (typeof body === 'string' || !contentType.includes('amazon.eventstream')) return undefined;
  const events: string[] = [];
  try {
    const decoder = new EventStreamDecoder();
    decoder.push(body, (message) => {
      const data = bedrockEventData(message, '');
      if (data !== undefined) events.push(`data: ${data}\n\n`);
    });
    decoder.end();
  } catch (error) {
    events.push(`data: ${JSON.stringify({ error: { message: (error as Error).message } })}\n\n`);
  }
  return events.join('');
}

function headerOf(headers: Record<string, string[]>, name: string): string {
  const key = Object.keys(headers).find((header) => header.toLowerCase() === name);
  return key === undefined ? '' : (headers[key]?.join(', ') ?? '');
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
