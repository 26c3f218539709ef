import type { AgentResult } from './agent-result.js';
import type { AgentStreamPart, AgentStreamResult } from './agent-stream-part.js';
import type { EmitPart } from './emit-part.js';
import { PartFanOut } from './part-fan-out.js';

/**
 * Wraps a run in the views of `AgentStreamResult`. Each getter call takes a new view; the run starts at
 * the first read or at the first access of `result`.
 */
export function createAgentStreamResult(start: (emit: EmitPart) => Promise<AgentResult>): AgentStreamResult {
  const fanOut = new PartFanOut(start);
  return {
    get fullStream() {
      return fanOut.subscribe(selectPart);
    },
    get textStream() {
      return fanOut.subscribe(selectTextDelta);
    },
    get result() {
      return fanOut.drain();
    },
  };
}

function selectPart(part: AgentStreamPart): AgentStreamPart {
  return part;
}

function selectTextDelta(part: AgentStreamPart): string | undefined {
  return part.type === 'text-delta' ? part.delta : undefined;
}
