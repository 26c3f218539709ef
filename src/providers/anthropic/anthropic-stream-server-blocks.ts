import type { StreamPart } from '../../spec/stream-part.js';
import type { AnthropicBlockDelta, AnthropicResponseBlock } from './anthropic-api.js';
import { anthropicOptionsKey } from './anthropic-options.js';
import type { AnthropicStreamState, BlockState } from './anthropic-stream.js';
import { isServerToolResult, mapCitation, mapServerToolResultBlock } from './map-anthropic-server-blocks.js';
import { unknownBlockWarning } from './unknown-anthropic-block.js';

/**
 * Opens a block that is neither text, thinking nor a tool call: compaction streams as reasoning (its summary
 * may come whole in the start block or as `compaction_delta`s); server tool results arrive whole and are
 * mapped at their stop.
 */
export function startServerBlock(
  _state: AnthropicStreamState,
  id: string,
  block: AnthropicResponseBlock,
  parts: StreamPart[],
): void {
  if (block.type !== 'compaction') return;
  parts.push({ type: 'reasoning-start', id });
  if (typeof block.content === 'string' && block.content !== '') {
    parts.push({ type: 'reasoning-delta', id, delta: block.content });
  }
}

/** Deltas the server blocks add: a citation of the open text block (a source, and kept for its end), a compaction summary piece. */
export function reduceServerDelta(open: BlockState, delta: AnthropicBlockDelta, parts: StreamPart[]): void {
  if (delta.type === 'citations_delta') {
    if (delta.citation !== undefined && delta.citation !== null) open.citations.push(delta.citation);
    const source = mapCitation(delta.citation);
    if (source) parts.push(source);
  } else if (delta.type === 'compaction_delta' && typeof delta.content === 'string' && delta.content !== '') {
    parts.push({ type: 'reasoning-delta', id: open.id, delta: delta.content });
  }
}

/** Closes a server block; a block type we do not know is kept for the finish metadata, with a warning. */
export function endServerBlock(state: AnthropicStreamState, open: BlockState, parts: StreamPart[]): void {
  const { block } = open;
  if (block.type === 'compaction') {
    parts.push({
      type: 'reasoning-end',
      id: open.id,
      providerMetadata: { [anthropicOptionsKey]: { compaction: true } },
    });
  } else if (isServerToolResult(block.type)) {
    parts.push(...mapServerToolResultBlock(block, state));
  } else {
    state.unknownBlocks.push(block);
    parts.push({ type: 'warnings', warnings: [unknownBlockWarning(block.type)] });
  }
}

/** Finish metadata: the container, the usage iterations and any unknown blocks. */
export function serverFinishMetadata(state: AnthropicStreamState): Record<string, unknown> | undefined {
  const metadata: Record<string, unknown> = {};
  if (state.container) metadata.container = state.container;
  if (Array.isArray(state.usage.iterations)) metadata.iterations = state.usage.iterations;
  if (state.unknownBlocks.length > 0) metadata.unknownBlocks = state.unknownBlocks;
  return Object.keys(metadata).length === 0 ? undefined : metadata;
}
