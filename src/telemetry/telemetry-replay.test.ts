import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { conformanceMatcher } from '../../test/conformance/deviations.js';
import { loadManifest } from '../../test/conformance/manifest.js';
import { loadAdapter } from '../../test/conformance/runner.js';
import { runAgent } from '../../test/conformance/scenarios/run-agent.js';
import { addTool, multiplyTool } from '../../test/conformance/scenarios/tools.js';
import { createTestTelemetry, parentOf } from '../../test/support/otel-fixtures.js';
import { toolCallsOf } from '../spec/content.js';
import { createCassetteFetch } from '../testing/cassette/create-cassette-fetch.js';

// Expected names from the OpenTelemetry GenAI semantic conventions (spans and metrics):
// https://github.com/open-telemetry/semantic-conventions-genai/blob/main/docs/gen-ai/gen-ai-spans.md
// https://github.com/open-telemetry/semantic-conventions-genai/blob/main/docs/gen-ai/gen-ai-agent-spans.md
// https://github.com/open-telemetry/semantic-conventions-genai/blob/main/docs/gen-ai/gen-ai-metrics.md
const SpanKind = { INTERNAL: 0, CLIENT: 2 };
const dir = fileURLToPath(new URL('../../../shared/conformance', import.meta.url));
const present = existsSync(join(dir, 'manifest.json'));

/** Replays a recorded two-step session (add and multiply, then the answer) with telemetry on. */
async function replay(cassette: string) {
  const entry = (await loadManifest(dir)).find((candidate) => candidate.cassette === cassette);
  if (entry === undefined) throw new Error(`no manifest entry for ${cassette}`);
  const adapter = await loadAdapter(entry.provider);
  if (adapter === undefined) throw new Error(`no adapter for ${entry.provider}`);
  const fetch = createCassetteFetch({
    path: join(dir, 'cassettes', cassette),
    mode: 'replay',
    match: conformanceMatcher,
  });
  const telemetry = createTestTelemetry();
  const context = {
    entry,
    adapter,
    dir,
    model: adapter.createModel(entry, fetch),
    providerOptions: adapter.providerOptions?.(entry),
  };
  const result = await runAgent(
    context,
    { tools: [addTool, multiplyTool] },
    {
      telemetry: {
        tracer: telemetry.tracer,
        meter: telemetry.meter,
        functionId: 'calculator',
        conversationId: 'conv-1',
      },
    },
  );
  return { entry, result, telemetry };
}

const sessions = [
  ['TestOpenAICommon/openai-gpt-4o/multi_tool.yaml', 'openai'],
  ['TestOpenAICommon/openai-gpt-4o/multi_tool_streaming.yaml', 'openai'],
  ['TestAnthropicCommon/claude-sonnet-4/multi_tool.yaml', 'anthropic'],
  ['TestGoogleCommon/gemini-2.5-flash/multi_tool_streaming.yaml', 'gcp.gemini'],
] as const;

describe.skipIf(!present)(
  `telemetry over recorded sessions (${present ? dir : 'skipped: ../shared/conformance is absent'})`,
  () => {
    it.each(sessions)(
      '%s gives the conventions’ spans, hierarchy and attributes',
      async (cassette, providerName) => {
        const { entry, result, telemetry } = await replay(cassette);
        const spans = telemetry.spans();
        const agent = spans.find((span) => span.name === 'invoke_agent calculator');
        expect(agent?.kind).toBe(SpanKind.INTERNAL);
        expect(parentOf(agent!)).toBeUndefined();
        expect(agent?.attributes).toMatchObject({
          'gen_ai.operation.name': 'invoke_agent',
          'gen_ai.agent.name': 'calculator',
          'gen_ai.provider.name': providerName,
          'gen_ai.request.model': entry.model,
          'gen_ai.conversation.id': 'conv-1',
          'gen_ai.usage.output_tokens': result.totalUsage.outputTokens,
          'gen_ai.response.finish_reasons': ['stop'],
        });

        const chats = spans.filter((span) => span.name === `chat ${entry.model}`);
        expect(chats).toHaveLength(2);
        for (const [index, chat] of chats.entries()) {
          const step = result.steps[index]!;
          expect(chat.kind).toBe(SpanKind.CLIENT);
          expect(parentOf(chat)).toBe(agent!.spanContext().spanId);
          expect(chat.attributes).toMatchObject({
            'gen_ai.operation.name': 'chat',
            'gen_ai.provider.name': providerName,
            'gen_ai.request.model': entry.model,
            'gen_ai.request.max_tokens': entry.maxOutputTokens,
            'gen_ai.response.finish_reasons': [index === 0 ? 'tool_calls' : 'stop'],
            'gen_ai.usage.output_tokens': step.usage.outputTokens,
            'gen_ai.usage.input_tokens':
              step.usage.inputTokens + step.usage.cacheReadTokens + step.usage.cacheCreationTokens,
            'gen_ai.conversation.id': 'conv-1',
          });
          // Content is opt-in.
          expect(chat.attributes['gen_ai.input.messages']).toBeUndefined();
        }

        const tools = spans.filter((span) => span.name.startsWith('execute_tool '));
        const calls = toolCallsOf(result.steps[0]!.content);
        expect(tools.map((span) => span.name).sort()).toEqual(['execute_tool add', 'execute_tool multiply']);
        for (const span of tools) {
          expect(span.kind).toBe(SpanKind.INTERNAL);
          expect(parentOf(span)).toBe(agent!.spanContext().spanId);
          const call = calls.find((candidate) => candidate.toolName === span.attributes['gen_ai.tool.name']);
          expect(span.attributes).toMatchObject({
            'gen_ai.operation.name': 'execute_tool',
            'gen_ai.tool.call.id': call?.toolCallId,
            'gen_ai.tool.type': 'function',
          });
        }

        const histograms = await telemetry.histograms();
        const usage = histograms.get('gen_ai.client.token.usage');
        expect(usage?.descriptor.unit).toBe('{token}');
        const types = usage?.dataPoints.map((point) => point.attributes['gen_ai.token.type']).sort();
        expect(types).toEqual(['input', 'output']);
        const duration = histograms.get('gen_ai.client.operation.duration');
        expect(duration?.descriptor.unit).toBe('s');
        expect(duration?.dataPoints[0]?.value.count).toBe(2);
        expect(duration?.dataPoints[0]?.attributes).toMatchObject({
          'gen_ai.operation.name': 'chat',
          'gen_ai.provider.name': providerName,
          'gen_ai.request.model': entry.model,
        });
        const firstChunk = histograms.get('gen_ai.client.operation.time_to_first_chunk');
        if (entry.streaming) expect(firstChunk?.dataPoints[0]?.value.count).toBe(2);
        else expect(firstChunk?.dataPoints.length ?? 0).toBe(0);
      },
    );
  },
);
