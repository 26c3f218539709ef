/**
 * An agent with a typed tool, streamed. Replays a recorded xAI session when ../shared is present and no
 * XAI_API_KEY is set.  Run: npx tsx examples/agent.ts
 */
import { existsSync } from 'node:fs';
import { z } from 'zod';
import { createAgent, tool } from '../src/index.js';
import { createOpenAICompatible } from '../src/providers/openaicompat/index.js';
import { createCassetteFetch } from '../src/testing/index.js';

const recorded =
  '../shared/conformance/cassettes/TestOpenAICompatibleCommon/xai-grok-4-fast/tool_streaming.yaml';
const replay = !process.env.XAI_API_KEY && existsSync(recorded);
if (replay) console.log(`No XAI_API_KEY: replaying ${recorded}\n`);

const xai = createOpenAICompatible({
  baseURL: 'https://api.x.ai/v1',
  ...(replay
    ? { fetch: createCassetteFetch({ path: recorded }) }
    : { apiKeyEnvironmentVariable: 'XAI_API_KEY' }),
});

const weather = tool({
  name: 'weather',
  description: 'Get weather information for a location',
  inputSchema: z.object({ location: z.string().describe('the city') }),
  execute: async ({ location }) => (location.includes('Florence') ? '40 C' : '20 C'),
});

const agent = createAgent(xai.languageModel('grok-4-fast'), {
  system: 'You are a helpful assistant',
  tools: [weather],
});
const run = await agent.stream({ prompt: "What's the weather in Florence,Italy?", maxOutputTokens: 4000 });
for await (const text of run.textStream) process.stdout.write(text);
const { steps, totalUsage } = await run.result;
console.log(`\n\n${steps.length} steps, ${totalUsage.totalTokens} tokens`);
