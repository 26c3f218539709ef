import type { ToolCallContent, ToolResultContent } from '../../spec/content.js';
import type { GooglePart } from './google-api.js';

/** The name code execution calls and results are reported under. */
export const codeExecutionToolName = 'code_execution';

/** An `executableCode` part as a provider-executed call whose input is `{ language, code }`. */
export function mapExecutableCode(part: GooglePart, id: string): ToolCallContent {
  const { language, code } = part.executableCode ?? {};
  return {
    type: 'tool-call',
    toolCallId: id,
    toolName: codeExecutionToolName,
    input: JSON.stringify({ language: language ?? 'PYTHON', code: code ?? '' }),
    providerExecuted: true,
    ...(part.thoughtSignature
      ? { providerMetadata: { google: { thoughtSignature: part.thoughtSignature } } }
      : {}),
  };
}

/** A `codeExecutionResult` part as the provider-executed result of the code before it; the part is kept whole. */
export function mapCodeExecutionResult(part: GooglePart, id: string): ToolResultContent {
  return {
    type: 'tool-result',
    toolCallId: id,
    toolName: codeExecutionToolName,
    output: {
      type: 'json',
      value: {
        outcome: part.codeExecutionResult?.outcome ?? null,
        output: part.codeExecutionResult?.output ?? '',
      },
    },
    providerExecuted: true,
    providerMetadata: {
      google: {
        codeExecutionResult: { ...part.codeExecutionResult },
        ...(part.codeExecutionResult?.outcome !== 'OUTCOME_OK' ? { isError: true } : {}),
      },
    },
  };
}
