import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildPage } from './build-page.js';
import { startChatServer } from './create-chat-server.js';

const exampleDirectory = fileURLToPath(new URL('../', import.meta.url));

/**
 * `npm run chat-web`: installs the example's own dependencies on first use, builds the page, and serves it
 * on 127.0.0.1 (PORT, default 3017). With OPENAI_API_KEY set a real model answers; without, the server
 * replays the recorded sessions in fixtures/.
 */
async function main(): Promise<void> {
  if (!existsSync(new URL('../node_modules/@ai-sdk/react/package.json', import.meta.url))) {
    console.log('Installing the example dependencies (examples/chat-web/package-lock.json)...');
    // @ai-sdk/react declares node >= 22; its browser bundle does not run on the server, so Node 20 is fine.
    execFileSync('npm', ['ci', '--engine-strict=false', '--no-audit', '--no-fund'], {
      cwd: exampleDirectory,
      stdio: 'inherit',
    });
  }
  await buildPage();
  const apiKey = process.env.OPENAI_API_KEY;
  const server = await startChatServer({
    port: Number(process.env.PORT ?? 3017),
    ...(apiKey === undefined || apiKey === '' ? {} : { openaiApiKey: apiKey }),
    ...(process.env.OPENAI_MODEL === undefined ? {} : { modelId: process.env.OPENAI_MODEL }),
  });
  console.log(
    `chat-web: ${server.url} (${server.mode === 'live' ? 'live model' : 'replaying recorded sessions'})`,
  );
  process.on('SIGINT', () => {
    server.close().finally(() => process.exit(0));
  });
}

await main();
