import { VERSION } from '../http/version.js';
import type { CliEnvironment } from './cli-environment.js';
import { cliHelp } from './cli-help.js';
import { CliUsageError } from './cli-usage-error.js';
import { describeCliError } from './format-cli-error.js';
import { terminalStyle } from './terminal-style.js';

type Command = (args: readonly string[], environment: CliEnvironment) => Promise<number>;

// Each command loads on use, so `--help` and a command's own start pay only for what they run (the YAML
// parser of cassettes was most of the CLI's start-up).
const commands: Record<string, Command> = {
  text: async (args, environment) =>
    (await import('./run-text-command.js')).runTextCommand(args, environment),
  object: async (args, environment) =>
    (await import('./run-object-command.js')).runObjectCommand(args, environment),
  embed: async (args, environment) =>
    (await import('./run-embed-command.js')).runEmbedCommand(args, environment),
  chat: async (args, environment) =>
    (await import('./run-chat-command.js')).runChatCommand(args, environment),
  cassette: async (args, environment) =>
    (await import('./run-cassette-command.js')).runCassetteCommand(args, environment),
};

/**
 * The `fantasy` command: runs one command and returns the exit status (0 done, 1 the run failed, 2 the
 * command line or setup must change). Errors are printed to stderr, saying what to fix; nothing throws.
 *
 * @example
 * process.exitCode = await runCli({ argv: process.argv.slice(2), stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env });
 */
export async function runCli(environment: CliEnvironment): Promise<number> {
  const [name, ...args] = environment.argv;
  try {
    if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
      environment.stdout.write(`${cliHelp.main}\n`);
      return name === undefined ? 2 : 0;
    }
    if (name === '--version' || name === '-v') {
      environment.stdout.write(`${VERSION}\n`);
      return 0;
    }
    const command = Object.hasOwn(commands, name) ? commands[name] : undefined;
    if (command === undefined) {
      throw new CliUsageError(
        `unknown command "${name}"; the commands are ${Object.keys(commands).join(', ')}`,
      );
    }
    return await command(args, environment);
  } catch (error) {
    const { message, exitCode } = describeCliError(error);
    const style = terminalStyle(environment.stderr, environment.env);
    const hint =
      exitCode === 2
        ? style.dim(`\nrun 'fantasy ${name && name in commands ? `${name} ` : ''}--help' for usage`)
        : '';
    environment.stderr.write(`${style.red('fantasy:')} ${message}${hint}\n`);
    return exitCode;
  }
}
