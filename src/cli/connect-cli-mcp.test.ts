import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CliUsageError } from './cli-usage-error.js';
import { connectCliMCPServers, splitCommandLine } from './connect-cli-mcp.js';

const server = fileURLToPath(new URL('../../test/fixtures/crashing-mcp-server.mjs', import.meta.url));

describe('splitCommandLine', () => {
  it('splits on spaces and keeps quoted stretches together', () => {
    expect(splitCommandLine(`npx -y  "my server" --root '/tmp/a b' ''`)).toEqual([
      'npx',
      '-y',
      'my server',
      '--root',
      '/tmp/a b',
      '',
    ]);
  });

  it('rejects an unclosed quote with a usage error', () => {
    expect(() => splitCommandLine('npx "server')).toThrow(CliUsageError);
  });
});

describe('connectCliMCPServers', () => {
  it('connects nothing and loads nothing without --mcp', async () => {
    const servers = await connectCliMCPServers([], []);
    expect(servers.tools).toEqual([]);
    await servers.close();
  });

  it('offers the tools of an --mcp server started as a child process', async () => {
    const servers = await connectCliMCPServers([`"${process.execPath}" ${server}`], []);
    expect(servers.tools.map((tool) => tool.name)).toEqual(['crash', 'ok']);
    await servers.close();
  });

  it('says which server could not be reached as a usage error', async () => {
    const failure = connectCliMCPServers([], ['http://127.0.0.1:9/mcp']);
    await expect(failure).rejects.toThrow(/could not connect to an MCP server/);
    await expect(failure).rejects.toBeInstanceOf(CliUsageError);
  });
});
