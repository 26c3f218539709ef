import type { CallWarning } from '../../spec/call-warning.js';

/** The warning for a content block type we do not know; the block itself goes in provider metadata. */
export function unknownBlockWarning(type: string): CallWarning {
  return {
    type: 'other',
    message: `unknown Anthropic content block ${JSON.stringify(type)}; kept in providerMetadata.anthropic.unknownBlocks`,
  };
}
