import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  attachInvocation,
  freePort,
  linesOf,
  poll,
  type RestateServer,
  registerDeployment,
  restateServerInstalled,
  type ServiceProcess,
  sendInvocation,
  startRestateServer,
  startService,
  stopProcess,
} from './restate/restate-harness.js';

let server: RestateServer;
const services: ServiceProcess[] = [];
const stateDirs: string[] = [];

beforeAll(async () => {
  if (restateServerInstalled) server = await startRestateServer();
});

afterEach(async () => {
  for (const service of services.splice(0)) await stopProcess(service.child);
  for (const dir of stateDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

afterAll(async () => {
  await server?.stop();
});

async function freshService(hold?: string): Promise<ServiceProcess> {
  const stateDir = mkdtempSync(join(tmpdir(), 'fantasy-restate-state-'));
  stateDirs.push(stateDir);
  const service = await startService({ port: await freePort(), stateDir, ...(hold ? { hold } : {}) });
  services.push(service);
  await registerDeployment(server, service.port);
  return service;
}

/** SIGKILLs the service process and starts it again on the same port (the deployment Restate knows). */
async function killAndRestart(service: ServiceProcess): Promise<ServiceProcess> {
  const exited = new Promise((resolve) => service.child.once('exit', resolve));
  service.child.kill('SIGKILL');
  await exited;
  const restarted = await startService({ port: service.port, stateDir: service.stateDir });
  services.push(restarted);
  return restarted;
}

// Skipped where npm installed no restate-server binary (it is published for linux-x64 here).
describe.skipIf(!restateServerInstalled)('a durable agent on the Restate server', () => {
  it('survives a SIGKILL after its first tool: no tool runs twice and the model is called once per step', async () => {
    const service = await freshService('second');
    const invocationId = await sendInvocation(server, 'twoTools', { prompt: 'Tidy /data' });
    await poll('the second tool to start', () =>
      existsSync(join(service.stateDir, 'holding')) ? true : undefined,
    );
    expect(linesOf(service.stateDir, 'first.log')).toEqual(['ran']);
    expect(linesOf(service.stateDir, 'twoTools-model.log')).toEqual(['call with 0 results']);

    await killAndRestart(service);
    const result = await attachInvocation(server, invocationId);

    expect(result).toEqual({
      text: 'done (c1: {"type":"text","text":"first ok"}; c2: {"type":"text","text":"second ok"})',
      steps: 2,
    });
    expect(linesOf(service.stateDir, 'first.log')).toEqual(['ran']);
    expect(linesOf(service.stateDir, 'second.log')).toEqual(['ran']);
    expect(linesOf(service.stateDir, 'twoTools-model.log')).toEqual([
      'call with 0 results',
      'call with 2 results',
    ]);
  });

  it('waits for an approval across a restart and runs the tool once it is approved through the ingress', async () => {
    const service = await freshService();
    const invocationId = await sendInvocation(server, 'withApproval', { prompt: 'Remove /data/a' });
    const [line] = await poll('the approval request', () => {
      const lines = linesOf(service.stateDir, 'approvals.log');
      return lines.length > 0 ? lines : undefined;
    });
    const [toolCallId, awakeableId] = (line ?? '').split(' ');
    expect(toolCallId).toBe('c1');
    expect(linesOf(service.stateDir, 'remove.log')).toEqual([]);

    await killAndRestart(service);
    const answer = await fetch(`${server.ingressUrl}/restate/awakeables/${awakeableId}/resolve`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ approved: true }),
    });
    expect(answer.ok).toBe(true);
    const result = await attachInvocation(server, invocationId);

    expect(result).toEqual({ text: 'done (c1: {"type":"text","text":"removed /data/a"})', steps: 2 });
    expect(linesOf(service.stateDir, 'remove.log')).toEqual(['ran /data/a']);
    expect(linesOf(service.stateDir, 'approvals.log')).toHaveLength(1);
    expect(linesOf(service.stateDir, 'withApproval-model.log')).toEqual([
      'call with 0 results',
      'call with 1 results',
    ]);
  });
});
