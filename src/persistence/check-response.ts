import { type GenerateResult, withResultText } from '../spec/generate-result.js';
import { checkContent, checkProviderData } from './check-parts.js';
import {
  childContext,
  type ReadContext,
  readArray,
  readEnum,
  readNumber,
  readRecord,
  readString,
} from './read-value.js';

export const finishReasons = [
  'stop',
  'length',
  'content-filter',
  'tool-calls',
  'error',
  'other',
  'unknown',
] as const;
export const warningTypes = ['unsupported-setting', 'unsupported-tool', 'other'] as const;
export const usageFields = [
  'inputTokens',
  'outputTokens',
  'totalTokens',
  'reasoningTokens',
  'cacheCreationTokens',
  'cacheReadTokens',
] as const;

/** Checks that a decoded value is a model response; returns it with `text` and `reasoningText` derived. */
export function checkResponse(value: unknown, context: ReadContext): GenerateResult {
  const record = readRecord(value, context);
  const contentContext = childContext(context, 'content');
  readArray(record.content, contentContext).forEach((item, index) => {
    checkContent(item, childContext(contentContext, index));
  });
  readEnum(record.finishReason, finishReasons, childContext(context, 'finishReason'));
  checkUsage(record.usage, childContext(context, 'usage'));
  const warningsContext = childContext(context, 'warnings');
  readArray(record.warnings, warningsContext).forEach((warning, index) => {
    checkWarning(warning, childContext(warningsContext, index));
  });
  optional(record, 'providerMetadata', context, checkProviderData);
  optional(record, 'response', context, checkResponseInfo);
  return withResultText(record as unknown as GenerateResult);
}

function checkUsage(value: unknown, context: ReadContext): void {
  const usage = readRecord(value, context);
  for (const field of usageFields) readNumber(usage[field], childContext(context, field));
}

function checkWarning(value: unknown, context: ReadContext): void {
  const warning = readRecord(value, context);
  readEnum(warning.type, warningTypes, childContext(context, 'type'));
  for (const field of ['setting', 'details', 'message']) optional(warning, field, context, readString);
  optional(warning, 'tool', context, checkTool);
}

function checkTool(value: unknown, context: ReadContext): void {
  const tool = readRecord(value, context);
  const type = readEnum(tool.type, ['function', 'provider-defined'], childContext(context, 'type'));
  readString(tool.name, childContext(context, 'name'));
  if (type === 'function') {
    readString(tool.description, childContext(context, 'description'));
    readRecord(tool.inputSchema, childContext(context, 'inputSchema'));
    optional(tool, 'providerOptions', context, checkProviderData);
  } else {
    readString(tool.id, childContext(context, 'id'));
    readRecord(tool.args, childContext(context, 'args'));
  }
}

function checkResponseInfo(value: unknown, context: ReadContext): void {
  const info = readRecord(value, context);
  optional(info, 'id', context, readString);
  optional(info, 'modelId', context, readString);
  optional(info, 'headers', context, (headers, headersContext) => {
    for (const [name, header] of Object.entries(readRecord(headers, headersContext))) {
      readString(header, childContext(headersContext, name));
    }
  });
}

function optional(
  record: Record<string, unknown>,
  key: string,
  context: ReadContext,
  check: (value: unknown, context: ReadContext) => unknown,
): void {
  if (record[key] !== undefined) check(record[key], childContext(context, key));
}
