import { resolve } from 'node:path';
import { createInterface, type Interface } from 'node:readline';
import { type Agent, type AgentTool, createAgent } from '../agent/index.js';
import type { LanguageModel } from '../spec/language-model.js';
import { type Message, userMessage } from '../spec/message.js';
import { retriesOf, samplingOf } from './call-settings.js';
import { loadChatSession, saveChatSession } from './chat-session-file.js';
import type { CliEnvironment } from './cli-environment.js';
import { cliHelp } from './cli-help.js';
import { connectCliMCPServers } from './connect-cli-mcp.js';
import { describeCliError } from './format-cli-error.js';
import { writeJsonLine } from './json-lines.js';
import {
  type ModelOptions,
  modelOptionSpecs,
  parseCommandArgs,
  readModelOptions,
} from './parse-cli-options.js';
import { createStreamRenderer, type RenderedPart } from './stream-renderer.js';
import { type TerminalStyle, terminalStyle } from './terminal-style.js';
import { withCliModel } from './with-cli-model.js';

const chatOptionSpecs = {
  ...modelOptionSpecs,
  session: { type: 'string' },
  mcp: { type: 'string', multiple: true },
  'mcp-url': { type: 'string', multiple: true },
} as const;

/** The state of one chat. */
interface Chat {
  agent: Agent;
  history: Message[];
  sessionPath: string | undefined;
  options: ModelOptions;
  environment: CliEnvironment;
  style: TerminalStyle;
  /** Aborts the turn in progress (Ctrl-C). */
  abortTurn: (() => void) | undefined;
  failedTurns: number;
}

/**
 * `fantasy chat`: a conversation through the agent. Each line is a turn; the agent sees the whole history,
 * so multi-turn works without tools. `/exit` (or end of input) quits, `/reset` forgets. With `--session`,
 * the history is loaded from and saved to a file after every turn.
 */
export async function runChatCommand(args: readonly string[], environment: CliEnvironment): Promise<number> {
  const { values } = parseCommandArgs(args, chatOptionSpecs);
  if (values.help) {
    environment.stdout.write(`${cliHelp.chat}\n`);
    return 0;
  }
  const options = readModelOptions(values);
  const sessionPath =
    typeof values.session === 'string'
      ? resolve(environment.cwd ?? process.cwd(), values.session)
      : undefined;
  const history = sessionPath === undefined ? [] : await loadChatSession(sessionPath);
  const mcp = await connectCliMCPServers(stringList(values.mcp), stringList(values['mcp-url']));
  try {
    return await chatWith(options, environment, history, sessionPath, mcp.tools);
  } finally {
    await mcp.close();
  }
}

function stringList(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((item): item is string => typeof item === 'string');
  return typeof value === 'string' ? [value] : [];
}

function chatWith(
  options: ModelOptions,
  environment: CliEnvironment,
  history: Message[],
  sessionPath: string | undefined,
  tools: AgentTool[],
): Promise<number> {
  return withCliModel(options, environment, async (model) => {
    const chat: Chat = {
      agent: createAgent(model, {
        ...samplingOf(options),
        ...retriesOf(options, environment.stderr),
        ...(options.system ? { system: options.system } : {}),
        ...(tools.length === 0 ? {} : { tools }),
      }),
      history,
      sessionPath,
      options,
      environment,
      style: terminalStyle(environment.stdout, environment.env),
      abortTurn: undefined,
      failedTurns: 0,
    };
    await converse(chat, model);
    return chat.failedTurns > 0 && !environment.stdin.isTTY ? 1 : 0;
  });
}

async function converse(chat: Chat, model: LanguageModel): Promise<void> {
  const { environment, style } = chat;
  const interactive = environment.stdin.isTTY === true;
  const lines = createInterface({
    input: environment.stdin,
    ...(interactive
      ? { output: environment.stdout as unknown as NodeJS.WritableStream, terminal: true }
      : { terminal: false }),
    historySize: 1000,
  });
  lines.on('SIGINT', () => (chat.abortTurn ? chat.abortTurn() : lines.close()));
  if (interactive) {
    const resumed = chat.history.length > 0 ? ` Resuming ${chat.history.length} messages.` : '';
    environment.stdout.write(
      style.dim(
        `Chatting with ${model.provider} ${model.modelId}.${resumed} /exit to quit, /reset to forget.\n`,
      ),
    );
  }
  lines.setPrompt(style.bold('you> '));
  prompt(lines, interactive);
  for await (const line of lines) {
    const text = line.trim();
    if (text === '/exit' || text === '/quit') break;
    if (text === '/reset') await reset(chat);
    else if (text !== '') await takeTurn(chat, text);
    prompt(lines, interactive);
  }
  lines.close();
}

function prompt(lines: Interface, interactive: boolean): void {
  if (interactive) lines.prompt();
}

async function reset(chat: Chat): Promise<void> {
  chat.history = [];
  if (chat.sessionPath !== undefined) await saveChatSession(chat.sessionPath, chat.history);
  chat.environment.stdout.write(chat.style.dim('(history cleared)\n'));
}

/** One turn: streams the answer; on success the user message and the agent's messages join the history. */
async function takeTurn(chat: Chat, text: string): Promise<void> {
  const { environment, options } = chat;
  const controller = new AbortController();
  chat.abortTurn = () => controller.abort();
  const renderer = createStreamRenderer({
    stdout: environment.stdout,
    stderr: environment.stderr,
    style: chat.style,
  });
  let failure: { error: unknown } | undefined;
  try {
    const run = await chat.agent.stream({
      messages: chat.history,
      prompt: text,
      abortSignal: controller.signal,
    });
    for await (const part of run.fullStream) {
      if (options.json) writeJsonLine(environment.stdout, part);
      else renderer.render(part as RenderedPart);
    }
    const result = await run.result;
    chat.history = [...chat.history, userMessage(text), ...result.messages];
    if (chat.sessionPath !== undefined) await saveChatSession(chat.sessionPath, chat.history);
  } catch (error) {
    failure = { error };
  } finally {
    chat.abortTurn = undefined;
    renderer.end();
  }
  if (failure === undefined) return;
  chat.failedTurns++;
  reportTurnError(chat, failure.error, controller.signal.aborted);
}

function reportTurnError(chat: Chat, error: unknown, aborted: boolean): void {
  const { environment, options } = chat;
  if (options.json) writeJsonLine(environment.stdout, { type: 'error', error });
  const message = aborted
    ? '(interrupted; the turn is not kept)'
    : `error: ${describeCliError(error).message}`;
  const style = terminalStyle(environment.stderr, environment.env);
  environment.stderr.write(`${aborted ? style.dim(message) : style.red(message)}\n`);
}
