/**
 * Starts the real Restate server from npm (@restatedev/restate-server) and the test's service process, on
 * 127.0.0.1 ports with a temporary data directory, and stops them. Every wait is a bounded poll.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const serverBinary = join(root, 'node_modules/@restatedev/restate-server-linux-x64/bin/restate-server');
/** The server binary ships in @restatedev/restate-server's optional dependency for linux-x64 only. */
export const restateServerInstalled = existsSync(serverBinary);

// tsx as a loader in the service's own process (its CLI would fork a child that a SIGKILL would orphan).
const tsxLoader = new URL('node_modules/tsx/dist/loader.mjs', `file://${root}`).href;
const tsxPreflight = join(root, 'node_modules/tsx/dist/preflight.cjs');
const serviceScript = fileURLToPath(new URL('./agent-service.ts', import.meta.url));

/** A free TCP port on 127.0.0.1 (the OS picks it; released before use). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address !== null ? address.port : 0));
    });
  });
}

/** Polls `check` every `intervalMs` until it returns a value, at most `attempts` times. */
export async function poll<T>(
  what: string,
  check: () => T | undefined | Promise<T | undefined>,
  { attempts = 300, intervalMs = 200 } = {},
): Promise<T> {
  for (let attempt = 0; attempt < attempts; attempt++) {
    const value = await check();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  throw new Error(`gave up waiting for ${what}`);
}

/** A running Restate server. */
export interface RestateServer {
  ingressUrl: string;
  adminUrl: string;
  stop(): Promise<void>;
}

/** Starts restate-server with all its listeners on 127.0.0.1 and its data in a fresh temporary directory. */
export async function startRestateServer(): Promise<RestateServer> {
  const [ingress, admin, fabric] = [await freePort(), await freePort(), await freePort()];
  const baseDir = mkdtempSync(join(tmpdir(), 'fantasy-restate-'));
  const child = spawn(
    serverBinary,
    ['--base-dir', baseDir, '--no-logo', '--node-name', 'test', '--default-num-partitions', '1'],
    {
      env: {
        PATH: process.env.PATH ?? '',
        RESTATE_LISTEN_MODE: 'tcp',
        RESTATE_INGRESS__BIND_ADDRESS: `127.0.0.1:${ingress}`,
        RESTATE_ADMIN__BIND_ADDRESS: `127.0.0.1:${admin}`,
        RESTATE_BIND_ADDRESS: `127.0.0.1:${fabric}`,
        RESTATE_ADVERTISED_ADDRESS: `http://127.0.0.1:${fabric}/`,
        RESTATE_ADMIN__DISABLE_WEB_UI: 'true',
        // Retry the invocation soon after the service comes back, not after a minute of backoff.
        RESTATE_DEFAULT_RETRY_POLICY__INITIAL_INTERVAL: '100ms',
        RESTATE_DEFAULT_RETRY_POLICY__MAX_INTERVAL: '1s',
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  const stderr: string[] = [];
  child.stderr?.on('data', (chunk: Buffer) => stderr.push(chunk.toString()));
  const server: RestateServer = {
    ingressUrl: `http://127.0.0.1:${ingress}`,
    adminUrl: `http://127.0.0.1:${admin}`,
    stop: async () => {
      await stopProcess(child);
      rmSync(baseDir, { recursive: true, force: true });
    },
  };
  try {
    await poll('the Restate server', async () => ((await isHealthy(server)) ? true : undefined));
  } catch (error) {
    await server.stop();
    throw new Error(`restate-server did not start: ${stderr.join('').slice(-2000)}`, { cause: error });
  }
  return server;
}

async function isHealthy(server: RestateServer): Promise<boolean> {
  try {
    const [admin, ingress] = await Promise.all([
      fetch(`${server.adminUrl}/health`),
      fetch(`${server.ingressUrl}/restate/health`),
    ]);
    return admin.ok && ingress.ok;
  } catch {
    return false;
  }
}

/** Ends a process: SIGTERM, then SIGKILL if it is still there after a while. */
export async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
}

/** The service process, and the directory where its tools and model record what ran. */
export interface ServiceProcess {
  child: ChildProcess;
  port: number;
  stateDir: string;
}

/** Starts agent-service.ts with tsx and waits until it listens. */
export async function startService(options: {
  port: number;
  stateDir: string;
  hold?: string;
}): Promise<ServiceProcess> {
  const logFile = join(options.stateDir, 'service.log');
  const before = existsSync(logFile) ? readFileSync(logFile, 'utf8').split('\n').length : 0;
  const child = spawn(process.execPath, ['--require', tsxPreflight, '--import', tsxLoader, serviceScript], {
    env: {
      PATH: process.env.PATH ?? '',
      PORT: String(options.port),
      STATE_DIR: options.stateDir,
      ...(options.hold === undefined ? {} : { HOLD: options.hold }),
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  await poll('the service to listen', () =>
    existsSync(logFile) && readFileSync(logFile, 'utf8').split('\n').length > before ? true : undefined,
  );
  return { child, port: options.port, stateDir: options.stateDir };
}

/** Registers the service's deployment with the admin API. */
export async function registerDeployment(server: RestateServer, port: number): Promise<void> {
  const response = await fetch(`${server.adminUrl}/deployments`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ uri: `http://127.0.0.1:${port}`, force: true }),
  });
  if (!response.ok)
    throw new Error(`deployment registration failed: ${response.status} ${await response.text()}`);
}

/** Starts `service/run` without waiting for it; returns the invocation id. */
export async function sendInvocation(
  server: RestateServer,
  service: string,
  input: unknown,
): Promise<string> {
  const response = await fetch(`${server.ingressUrl}/${service}/run/send`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(input),
  });
  if (!response.ok) throw new Error(`send failed: ${response.status} ${await response.text()}`);
  const { invocationId } = (await response.json()) as { invocationId: string };
  return invocationId;
}

/** Waits for an invocation's result through the ingress. */
export async function attachInvocation(server: RestateServer, invocationId: string): Promise<unknown> {
  const response = await fetch(`${server.ingressUrl}/restate/invocation/${invocationId}/attach`);
  if (!response.ok) throw new Error(`attach failed: ${response.status} ${await response.text()}`);
  return response.json();
}

/** The lines a file of the state directory holds (none when it does not exist yet). */
export function linesOf(stateDir: string, file: string): string[] {
  const path = join(stateDir, file);
  if (!existsSync(path)) return [];
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line !== '');
}
