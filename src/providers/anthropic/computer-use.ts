import { InvalidToolCallError } from '../../errors/invalid-tool-call-error.js';
import type { ProviderDefinedTool } from '../../spec/tool.js';

/** The versions of Anthropic's computer use tool we know the beta flag of. */
export type ComputerUseToolVersion = 'computer_20250124' | 'computer_20251124';

/** The id of Anthropic's computer use tool. */
export const computerUseToolId = 'anthropic.computer';

const betaFlags: Record<ComputerUseToolVersion, string> = {
  computer_20250124: 'computer-use-2025-01-24',
  computer_20251124: 'computer-use-2025-11-24',
};

/** Settings of the computer use tool. */
export interface ComputerUseToolArgs {
  displayWidthPx: number;
  displayHeightPx: number;
  toolVersion: ComputerUseToolVersion;
  /** X11 display number. */
  displayNumber?: number;
  /** Allows the `zoom` action (`computer_20251124` only). */
  enableZoom?: boolean;
  cacheControl?: { type: 'ephemeral' };
}

/**
 * Anthropic's computer use tool. The model asks for actions (screenshot, click, type...); you run them, e.g.
 * with `executableProviderTool(computerUseTool(...), run)`, and answer with a screenshot. Read its input with
 * `parseComputerUseInput`.
 *
 * @example
 * const computer = computerUseTool({ displayWidthPx: 1920, displayHeightPx: 1080, toolVersion: 'computer_20250124' });
 */
export function computerUseTool(args: ComputerUseToolArgs): ProviderDefinedTool {
  return { type: 'provider-defined', id: computerUseToolId, name: 'computer', args: { ...args } };
}

/** The wire form of a computer use tool and its beta flag; an error message when the args cannot work. */
export function convertComputerUseTool(
  tool: ProviderDefinedTool,
): { tool: Record<string, unknown>; betaFlag: string } | { error: string } {
  const args = tool.args ?? {};
  const version = args.toolVersion ?? args.tool_version;
  if (typeof version !== 'string' || !(version in betaFlags)) {
    return { error: `unsupported computer use tool version: ${JSON.stringify(version)}` };
  }
  const width = args.displayWidthPx ?? args.display_width_px;
  const height = args.displayHeightPx ?? args.display_height_px;
  if (!isInteger(width) || !isInteger(height)) {
    return { error: 'displayWidthPx and displayHeightPx must be integers' };
  }
  const wire: Record<string, unknown> = {
    type: version,
    name: 'computer',
    display_width_px: width,
    display_height_px: height,
  };
  const displayNumber = args.displayNumber ?? args.display_number;
  if (displayNumber !== undefined) {
    if (!isInteger(displayNumber)) return { error: 'displayNumber must be an integer' };
    wire.display_number = displayNumber;
  }
  const enableZoom = args.enableZoom ?? args.enable_zoom;
  if (version === 'computer_20251124' && typeof enableZoom === 'boolean') wire.enable_zoom = enableZoom;
  if ((args.cacheControl ?? args.cache_control) !== undefined) wire.cache_control = { type: 'ephemeral' };
  return { tool: wire, betaFlag: betaFlags[version as ComputerUseToolVersion] };
}

function isInteger(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value);
}

/** An action the model asks the computer to perform. */
export type ComputerAction =
  | 'screenshot'
  | 'left_click'
  | 'right_click'
  | 'double_click'
  | 'triple_click'
  | 'middle_click'
  | 'mouse_move'
  | 'left_click_drag'
  | 'type'
  | 'key'
  | 'scroll'
  | 'left_mouse_down'
  | 'left_mouse_up'
  | 'hold_key'
  | 'wait'
  | 'zoom'
  | 'cursor_position';

/** A computer use tool call's input, typed. Which fields are set depends on `action`. */
export interface ComputerUseInput {
  action: ComputerAction;
  /** `[x, y]` of clicks, moves, scrolls and the end of a drag. */
  coordinate?: [number, number];
  /** `[x, y]` where a `left_click_drag` starts. */
  startCoordinate?: [number, number];
  /** Text to type, a key combination, a modifier key, or the key to hold. */
  text?: string;
  scrollDirection?: 'up' | 'down' | 'left' | 'right';
  scrollAmount?: number;
  /** Seconds to hold a key or to wait. */
  duration?: number;
  /** `[x1, y1, x2, y2]` of a `zoom`. */
  region?: [number, number, number, number];
}

/**
 * Parses a computer use tool call's input (the JSON text, or the decoded object). Throws an
 * `InvalidToolCallError` when it is not an object with an `action`, or a coordinate has the wrong length.
 *
 * @example
 * const { action, coordinate } = parseComputerUseInput(toolCall.input);
 */
export function parseComputerUseInput(input: string | Record<string, unknown>): ComputerUseInput {
  const text = typeof input === 'string' ? input : JSON.stringify(input);
  const fail = (message: string, cause?: unknown): never => {
    throw new InvalidToolCallError({
      message: `invalid computer use input: ${message}`,
      toolName: 'computer',
      input: text,
      cause,
    });
  };
  let raw: unknown = input;
  if (typeof input === 'string') {
    try {
      raw = JSON.parse(input);
    } catch (cause) {
      fail('not JSON', cause);
    }
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return fail('not a JSON object');
  const record = raw as Record<string, unknown>;
  if (typeof record.action !== 'string') return fail('action is missing');
  const result: ComputerUseInput = { action: record.action as ComputerAction };
  const coordinate = numberTuple(record.coordinate, 2, 'coordinate', fail);
  if (coordinate) result.coordinate = coordinate as [number, number];
  const start = numberTuple(record.start_coordinate, 2, 'start_coordinate', fail);
  if (start) result.startCoordinate = start as [number, number];
  const region = numberTuple(record.region, 4, 'region', fail);
  if (region) result.region = region as [number, number, number, number];
  if (typeof record.text === 'string') result.text = record.text;
  if (typeof record.scroll_direction === 'string') {
    result.scrollDirection = record.scroll_direction as NonNullable<ComputerUseInput['scrollDirection']>;
  }
  if (typeof record.scroll_amount === 'number') result.scrollAmount = record.scroll_amount;
  if (typeof record.duration === 'number') result.duration = record.duration;
  return result;
}

function numberTuple(
  value: unknown,
  length: number,
  name: string,
  fail: (message: string) => never,
): number[] | undefined {
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value) || !value.every((item) => typeof item === 'number')) {
    return fail(`${name} must be an array of numbers`);
  }
  if (value.length !== length) return fail(`${name}: expected ${length} elements, got ${value.length}`);
  return value as number[];
}
