import { InvalidArgumentError } from '../../errors/invalid-argument-error.js';
import type { ToolResultOutput, ToolResultPart } from '../../spec/message.js';
import { encodeBase64 } from '../shared/base64.js';
import { computerUseToolId } from './computer-use.js';

/** What the computer did for one computer use call: a screenshot, a text, or both. */
export interface ComputerUseResultOptions {
  /** The id of the `computer` tool call this answers. */
  toolCallId: string;
  /** The screen after the action, as image bytes. */
  screenshot?: Uint8Array;
  /** The screenshot's media type. @default 'image/png' */
  mediaType?: string;
  /** Text for the model: the action's outcome, or the caption of the screenshot. */
  text?: string;
  /** Send `text` as an error the model can react to (the action failed). @default false */
  isError?: boolean;
}

/**
 * The tool result answering a computer use call: the screenshot (with `text` as its caption), or the text
 * alone, or an error. Put it in a tool message (`{ role: 'tool', content: [result] }`) to continue.
 *
 * @example
 * const result = computerUseResult({ toolCallId: call.toolCallId, screenshot: png, text: 'Clicked Save' });
 */
export function computerUseResult(options: ComputerUseResultOptions): ToolResultPart {
  return {
    type: 'tool-result',
    toolCallId: options.toolCallId,
    toolName: 'computer',
    output: computerUseOutput(options),
  };
}

/** The output of a computer use result (see `computerUseResult`). */
export function computerUseOutput(options: Omit<ComputerUseResultOptions, 'toolCallId'>): ToolResultOutput {
  const { screenshot, text, isError } = options;
  if (isError) {
    if (text === undefined) throw missing('an error result needs text saying what failed');
    return { type: 'error', error: text };
  }
  if (screenshot !== undefined) {
    if (!(screenshot instanceof Uint8Array) || screenshot.length === 0) {
      throw missing('screenshot must be the non-empty bytes of an image');
    }
    return {
      type: 'media',
      data: encodeBase64(screenshot),
      mediaType: options.mediaType ?? 'image/png',
      ...(text ? { text } : {}),
    };
  }
  if (text === undefined) throw missing('a computer use result needs a screenshot or text');
  return { type: 'text', text };
}

function missing(message: string): InvalidArgumentError {
  return new InvalidArgumentError({ argument: 'computerUseResult', message });
}

/**
 * True for Anthropic's computer use tool: the `computerUseTool(...)` definition, or an executable provider
 * tool wrapping it (`executableProviderTool(computerUseTool(...), run)`).
 */
export function isComputerUseTool(tool: unknown): boolean {
  if (typeof tool !== 'object' || tool === null) return false;
  const candidate = tool as { type?: unknown; id?: unknown; definition?: { id?: unknown } | null };
  if (candidate.type === 'provider-defined') return candidate.id === computerUseToolId;
  if (candidate.type === 'executable-provider-defined') return candidate.definition?.id === computerUseToolId;
  return false;
}
