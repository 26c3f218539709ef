import { describe, expect, it } from 'vitest';
import { InvalidToolCallError } from '../../errors/invalid-tool-call-error.js';
import { computerUseTool, convertComputerUseTool, parseComputerUseInput } from './computer-use.js';

describe('parseComputerUseInput', () => {
  it('reads an action with its coordinates and options', () => {
    expect(
      parseComputerUseInput('{"action":"left_click_drag","start_coordinate":[1,2],"coordinate":[3,4]}'),
    ).toEqual({
      action: 'left_click_drag',
      startCoordinate: [1, 2],
      coordinate: [3, 4],
    });
    expect(
      parseComputerUseInput({
        action: 'scroll',
        coordinate: [5, 6],
        scroll_direction: 'down',
        scroll_amount: 3,
        text: 'shift',
      }),
    ).toEqual({
      action: 'scroll',
      coordinate: [5, 6],
      scrollDirection: 'down',
      scrollAmount: 3,
      text: 'shift',
    });
    expect(parseComputerUseInput('{"action":"zoom","region":[0,0,10,10]}').region).toEqual([0, 0, 10, 10]);
  });

  it('rejects a coordinate of the wrong length, a missing action and text that is not JSON', () => {
    expect(() => parseComputerUseInput('{"action":"left_click","coordinate":[1]}')).toThrow(
      /coordinate: expected 2 elements, got 1/,
    );
    expect(() => parseComputerUseInput('{"action":"zoom","region":[1,2,3]}')).toThrow(InvalidToolCallError);
    expect(() => parseComputerUseInput('{"coordinate":[1,2]}')).toThrow(/action is missing/);
    expect(() => parseComputerUseInput('{"action":')).toThrow(/not JSON/);
  });
});

describe('the computer use tool', () => {
  it('converts after a JSON round trip and accepts Fantasy’s snake_case args', () => {
    const tool = JSON.parse(
      JSON.stringify(
        computerUseTool({
          displayWidthPx: 1920,
          displayHeightPx: 1080,
          toolVersion: 'computer_20250124',
          displayNumber: 1,
        }),
      ),
    );
    expect(convertComputerUseTool(tool)).toEqual({
      tool: {
        type: 'computer_20250124',
        name: 'computer',
        display_width_px: 1920,
        display_height_px: 1080,
        display_number: 1,
      },
      betaFlag: 'computer-use-2025-01-24',
    });
    const snake = {
      type: 'provider-defined' as const,
      id: 'anthropic.computer',
      name: 'computer',
      args: {
        display_width_px: 10,
        display_height_px: 20,
        tool_version: 'computer_20251124',
        cache_control: { type: 'ephemeral' },
      },
    };
    expect(convertComputerUseTool(snake)).toMatchObject({
      tool: { type: 'computer_20251124', cache_control: { type: 'ephemeral' } },
      betaFlag: 'computer-use-2025-11-24',
    });
  });

  it('explains an unknown version or a non-integer display size', () => {
    const base = { type: 'provider-defined' as const, id: 'anthropic.computer', name: 'computer' };
    expect(
      convertComputerUseTool({
        ...base,
        args: { displayWidthPx: 1, displayHeightPx: 1, toolVersion: 'computer_2024' },
      }),
    ).toEqual({
      error: 'unsupported computer use tool version: "computer_2024"',
    });
    expect(
      convertComputerUseTool({
        ...base,
        args: { displayWidthPx: 1.5, displayHeightPx: 1, toolVersion: 'computer_20250124' },
      }),
    ).toEqual({ error: 'displayWidthPx and displayHeightPx must be integers' });
  });
});
