import type { ToolCallPart, ToolResultPart } from '../../spec/message.js';
import type { GooglePart } from './google-api.js';
import { codeExecutionToolName } from './map-google-code-execution.js';

/**
 * A provider-executed code execution call or result as the part Gemini sent: `executableCode` from the
 * call's `{ language, code }` input, `codeExecutionResult` as kept in `providerOptions.google`. Other
 * provider-executed parts (there are none on Gemini) give `undefined`.
 */
export function convertCodeExecutionPart(part: ToolCallPart | ToolResultPart): GooglePart | undefined {
  if (!part.providerExecuted || part.toolName !== codeExecutionToolName) return undefined;
  if (part.type === 'tool-call') {
    try {
      const { language, code } = JSON.parse(part.input) as { language?: string; code?: string };
      return { executableCode: { language: language ?? 'PYTHON', code: code ?? '' } };
    } catch {
      return undefined;
    }
  }
  const result = part.providerOptions?.google?.codeExecutionResult;
  return typeof result === 'object' && result !== null
    ? { codeExecutionResult: result as NonNullable<GooglePart['codeExecutionResult']> }
    : undefined;
}
