import type { ToolResultOutput } from '../spec/message.js';
import type { ProviderMetadata } from '../spec/provider-options.js';

/** The provider-metadata key under which fantasy-ts keeps what the UI protocol has no field for. */
export const fantasyMetadataKey = 'fantasy';

/** A tool result output. */
export type AnyToolResultOutput = ToolResultOutput;

/** How a tool result travels in a UI tool part: the `output` and the metadata that says how to read it back. */
export interface UIToolOutput {
  output: unknown;
  /** Set when `output` alone would be read back as another kind (media, a JSON string). */
  outputType?: 'media' | 'json';
}

/**
 * A text result is its string, a JSON result its value, media an object with the base64 data. The kind is
 * recorded only where the output alone is ambiguous, so `fromUIMessages` restores the same output.
 */
export function toUIToolOutput(output: AnyToolResultOutput): UIToolOutput {
  switch (output.type) {
    case 'text':
      return { output: output.text };
    case 'json':
      return typeof output.value === 'string'
        ? { output: output.value, outputType: 'json' }
        : { output: output.value };
    case 'media':
      return { output: { ...output }, outputType: 'media' };
    case 'error':
      return { output: output.error };
  }
}

/** Provider metadata with fantasy's own fields added under `fantasy`, or unchanged when there are none. */
export function withFantasyMetadata(
  metadata: ProviderMetadata | undefined,
  fields: Record<string, unknown>,
): ProviderMetadata | undefined {
  const entries = Object.entries(fields).filter(([, value]) => value !== undefined);
  if (entries.length === 0) return metadata;
  return {
    ...metadata,
    [fantasyMetadataKey]: { ...metadata?.[fantasyMetadataKey], ...Object.fromEntries(entries) },
  };
}
