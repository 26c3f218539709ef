import type { Content } from '../../../src/index.js';
import { sourcesOf, textOf } from '../../../src/index.js';
import { SkipEntry } from '../adapter.js';
import { check, show } from '../check.js';
import type { ScenarioContext } from './context.js';
import { runAgent } from './run-agent.js';

/** SCENARIOS.md §5: the provider's web search tool, generate or a two-turn stream. */
export async function runWebSearch(context: ScenarioContext): Promise<void> {
  const webSearch = context.adapter.webSearchTool?.();
  if (webSearch === undefined) throw new SkipEntry(`${context.entry.provider} has no web search tool`);
  const settings = { providerTools: [webSearch] };
  const result = await runAgent(context, settings);
  const text = textOf(result.response.content);
  check(text.includes('Tokyo'), `final text lacks Tokyo: ${show(text)}`);
  const content: Content[] = result.steps.flatMap((step) => step.content);
  const searches = content.filter((part) => part.type === 'tool-call' && part.providerExecuted);
  check(searches.length > 0, 'no provider-executed tool call');
  check(
    searches[0]?.type === 'tool-call' && searches[0].toolName === 'web_search',
    `first search: ${show(searches[0])}`,
  );
  const sources = sourcesOf(content);
  check(
    sources.every((source) => source.url !== undefined && source.url !== ''),
    'a source has no URL',
  );
  if (context.entry.provider === 'anthropic' && !context.entry.streaming)
    check(sources.length > 0, 'no source');
  if (!context.entry.streaming) return;
  const results = content.filter((part) => part.type === 'tool-result' && part.providerExecuted);
  check(results.length > 0, 'no provider-executed tool result');
  if (context.entry.prompt2 === undefined) return;
  const history = [
    { role: 'user' as const, content: [{ type: 'text' as const, text: context.entry.prompt ?? '' }] },
    ...result.steps.flatMap((step) => step.messages),
  ];
  const second = await runAgent(context, settings, { messages: history, prompt: context.entry.prompt2 });
  const secondText = textOf(second.response.content);
  check(secondText.includes('Osaka'), `second turn lacks Osaka: ${show(secondText)}`);
}
