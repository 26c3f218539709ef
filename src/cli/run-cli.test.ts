import { describe, expect, it } from 'vitest';
import { testEnvironment } from '../../test/support/cli-environment.js';
import { VERSION } from '../http/version.js';
import { runCli } from './run-cli.js';

describe('runCli', () => {
  it('prints the help with --help and exits 0', async () => {
    const environment = testEnvironment(['--help']);
    expect(await runCli(environment)).toBe(0);
    expect(environment.stdout.text()).toContain('fantasy object --schema <file.json> [options] <prompt>');
    expect(environment.stdout.text()).toContain(
      "openaicompat picks it by the base URL's host: api.x.ai XAI_API_KEY",
    );
  });

  it('prints the help and exits 2 when no command is given', async () => {
    const environment = testEnvironment([]);
    expect(await runCli(environment)).toBe(2);
    expect(environment.stdout.text()).toContain('Usage:');
  });

  it('prints each command’s help', async () => {
    for (const command of ['text', 'object', 'chat']) {
      const environment = testEnvironment([command, '--help']);
      expect(await runCli(environment)).toBe(0);
      expect(environment.stdout.text()).toContain(`Usage: fantasy ${command}`);
    }
  });

  it('prints the version', async () => {
    const environment = testEnvironment(['--version']);
    expect(await runCli(environment)).toBe(0);
    expect(environment.stdout.text()).toBe(`${VERSION}\n`);
  });

  it('names the commands for an unknown one, and exits 2', async () => {
    const environment = testEnvironment(['speak']);
    expect(await runCli(environment)).toBe(2);
    expect(environment.stderr.text()).toBe(
      'fantasy: unknown command "speak"; the commands are text, object, embed, chat, cassette\nrun \'fantasy --help\' for usage\n',
    );
  });

  it('reports unknown options and bad values as usage errors', async () => {
    const unknown = testEnvironment(['text', '--colour', 'hi']);
    expect(await runCli(unknown)).toBe(2);
    expect(unknown.stderr.text()).toContain("Unknown option '--colour'");
    const both = testEnvironment(['text', '-m', 'x', '--record', 'a.yaml', '--replay', 'b.yaml', 'hi']);
    expect(await runCli(both)).toBe(2);
    expect(both.stderr.text()).toContain('--record and --replay cannot be used together');
    const temperature = testEnvironment(['text', '-m', 'x', '--temperature=-1', 'hi']);
    expect(await runCli(temperature)).toBe(2);
    expect(temperature.stderr.text()).toContain('--temperature must be a number of at least 0, got "-1"');
  });

  it('asks for a model', async () => {
    const environment = testEnvironment(['text', 'hi']);
    expect(await runCli(environment)).toBe(2);
    expect(environment.stderr.text()).toContain('pass --model, e.g. --model gpt-4o-mini');
  });

  it('asks for a prompt when there is none and stdin is empty', async () => {
    const environment = testEnvironment(['text', '-m', 'gpt-4o']);
    expect(await runCli(environment)).toBe(2);
    expect(environment.stderr.text()).toContain('give a prompt, e.g. fantasy text "Say hi in Portuguese"');
  });
});
