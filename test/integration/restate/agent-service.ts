/**
 * The Restate service process of restate-durable-agent.test.ts, run with tsx: two durable agents on a mock
 * model, served over HTTP/2 on 127.0.0.1:$PORT. Every model call and every tool execution appends a line to
 * a file in $STATE_DIR, so the test counts what really ran across processes. With HOLD=second the `second`
 * tool writes `$STATE_DIR/holding` and never finishes: the test kills the process there.
 */
import { appendFileSync, writeFileSync } from 'node:fs';
import http2 from 'node:http2';
import { join } from 'node:path';
import * as restate from '@restatedev/restate-sdk';
import { tool } from '../../../src/agent/index.js';
import { createDurableAgent } from '../../../src/restate/index.js';
import { jsonSchema } from '../../../src/schema/json-schema-wrapper.js';
import type { CallOptions } from '../../../src/spec/call-options.js';
import { textOf } from '../../../src/spec/content.js';
import type { ToolResultPart } from '../../../src/spec/message.js';
import { MockLanguageModel } from '../../../src/testing/mock-language-model.js';

// @restatedev/restate-sdk 1.17 calls Promise.withResolvers (Node 22+); CI and this machine run Node 20.
const promiseWithResolvers = Promise as unknown as { withResolvers?: () => unknown };
promiseWithResolvers.withResolvers ??= () => {
  let resolve!: (value: unknown) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise((settle, fail) => {
    resolve = settle;
    reject = fail;
  });
  return { promise, resolve, reject };
};

const stateDir = process.env.STATE_DIR ?? '';
const port = Number(process.env.PORT);
const record = (file: string, line: string) => appendFileSync(join(stateDir, file), `${line}\n`);

function resultsOf(options: CallOptions): ToolResultPart[] {
  return options.prompt.flatMap((message) =>
    message.content.filter((part): part is ToolResultPart => part.type === 'tool-result'),
  );
}

/** Step 0 asks for the given calls; step 1 lists the results it was sent. Each call is recorded. */
function mockModel(name: string, calls: Array<{ id: string; tool: string }>) {
  return new MockLanguageModel({
    generate: (options) => {
      const results = resultsOf(options);
      record(`${name}-model.log`, `call with ${results.length} results`);
      if (results.length === 0) {
        return {
          finishReason: 'tool-calls',
          content: calls.map((call) => ({
            type: 'tool-call' as const,
            toolCallId: call.id,
            toolName: call.tool,
            input: '{"path":"/data/a"}',
          })),
        };
      }
      const summary = results.map((part) => `${part.toolCallId}: ${JSON.stringify(part.output)}`).join('; ');
      return { content: [{ type: 'text', text: `done (${summary})` }] };
    },
  });
}

const pathSchema = jsonSchema<{ path: string }>({
  type: 'object',
  properties: { path: { type: 'string' } },
  required: ['path'],
});

const first = tool({
  name: 'first',
  description: 'The first tool',
  inputSchema: pathSchema,
  execute: () => {
    record('first.log', 'ran');
    return 'first ok';
  },
});

const second = tool({
  name: 'second',
  description: 'The second tool',
  inputSchema: pathSchema,
  execute: async () => {
    if (process.env.HOLD === 'second') {
      writeFileSync(join(stateDir, 'holding'), 'second');
      await new Promise<never>(() => {});
    }
    record('second.log', 'ran');
    return 'second ok';
  },
});

const remove = tool({
  name: 'remove',
  description: 'Removes a file',
  inputSchema: pathSchema,
  needsApproval: true,
  execute: ({ path }) => {
    record('remove.log', `ran ${path}`);
    return `removed ${path}`;
  },
});

const twoTools = restate.service({
  name: 'twoTools',
  handlers: {
    run: async (ctx: restate.Context, input: { prompt: string }) => {
      const agent = createDurableAgent(
        ctx,
        mockModel('twoTools', [
          { id: 'c1', tool: 'first' },
          { id: 'c2', tool: 'second' },
        ]),
        {
          tools: [first, second],
        },
      );
      const result = await agent.generate({ prompt: input.prompt });
      return { text: textOf(result.response.content), steps: result.steps.length };
    },
  },
});

const withApproval = restate.service({
  name: 'withApproval',
  handlers: {
    run: async (ctx: restate.Context, input: { prompt: string }) => {
      const agent = createDurableAgent(ctx, mockModel('withApproval', [{ id: 'c1', tool: 'remove' }]), {
        tools: [remove],
        onApprovalRequest: (approvals) => {
          for (const { request, awakeableId } of approvals)
            record('approvals.log', `${request.toolCallId} ${awakeableId}`);
        },
      });
      const result = await agent.generate({ prompt: input.prompt });
      return { text: textOf(result.response.content), steps: result.steps.length };
    },
  },
});

const server = http2.createServer(restate.createEndpointHandler({ services: [twoTools, withApproval] }));
server.listen(port, '127.0.0.1', () => record('service.log', `listening ${process.pid}`));
