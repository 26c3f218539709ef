import type { CallWarning } from '../spec/call-warning.js';
import type { Content } from '../spec/content.js';
import { type GenerateResult, type ResponseInfo, withResultText } from '../spec/generate-result.js';
import type { JSONObject, JSONValue } from '../spec/json-value.js';
import type { Usage } from '../spec/usage.js';
import { finishReasons, usageFields, warningTypes } from './check-response.js';
import { fromFantasyEnvelope, toFantasyEnvelope, type WriteContext } from './fantasy-parts.js';
import {
  type FantasyJSONOptions,
  providerDataFromFantasy,
  providerDataToFantasy,
} from './fantasy-provider-data.js';
import { toolFromFantasy, toolToFantasy } from './fantasy-tool.js';
import { camelToSnake, contentFields } from './part-fields.js';
import {
  childContext,
  parseJsonText,
  type ReadContext,
  readArray,
  readEnum,
  readNumber,
  readRecord,
  readString,
} from './read-value.js';

/**
 * A model response in the JSON of Fantasy's (Go) `fantasy.Response`: `{content, finish_reason, usage,
 * warnings, provider_metadata}`. `response` (id, model, headers) is ours; Go ignores it.
 */
export function responseToFantasyJSON(
  response: GenerateResult,
  options: FantasyJSONOptions = {},
): JSONObject {
  const context: WriteContext = { path: 'response', options };
  const providerMetadata = providerDataToFantasy(response.providerMetadata, {
    kind: 'metadata',
    path: 'response.providerMetadata',
    options,
  });
  return {
    content: response.content.map((item, index) =>
      toFantasyEnvelope(item as Content & Record<string, unknown>, contentFields[item.type], {
        ...context,
        path: `response.content[${index}]`,
      }),
    ),
    finish_reason: response.finishReason,
    usage: Object.fromEntries(usageFields.map((field) => [camelToSnake(field), response.usage[field]])),
    warnings: response.warnings.map((warning, index) =>
      warningToFantasy(warning, `response.warnings[${index}]`, options),
    ),
    provider_metadata: providerMetadata ?? null,
    ...(response.response === undefined ? {} : { response: responseInfoToFantasy(response.response) }),
  };
}

/** A response from Fantasy's (Go) JSON, text or parsed; throws an `InvalidConversationError` for bad input. */
export function responseFromFantasyJSON(json: unknown): GenerateResult {
  const value = typeof json === 'string' ? parseJsonText(json, 'fantasy-go') : json;
  const context: ReadContext = { format: 'fantasy-go', path: '' };
  const record = readRecord(value, context);
  const contentContext = childContext(context, 'content');
  const providerMetadata = providerDataFromFantasy(
    record.provider_metadata,
    childContext(context, 'provider_metadata'),
  );
  const info =
    record.response === undefined
      ? undefined
      : readResponseInfo(record.response, childContext(context, 'response'));
  return withResultText({
    content: readArray(record.content ?? [], contentContext).map((item, index) =>
      fromFantasyEnvelope<Content>(item, 'content', childContext(contentContext, index)),
    ),
    finishReason: readEnum(
      record.finish_reason ?? 'unknown',
      finishReasons,
      childContext(context, 'finish_reason'),
    ),
    usage: readUsage(record.usage ?? {}, childContext(context, 'usage')),
    warnings: readArray(record.warnings ?? [], childContext(context, 'warnings')).map((warning, index) =>
      readWarning(warning, childContext(childContext(context, 'warnings'), index)),
    ),
    ...(providerMetadata === undefined ? {} : { providerMetadata }),
    ...(info === undefined ? {} : { response: info }),
  });
}

function warningToFantasy(warning: CallWarning, path: string, options: FantasyJSONOptions): JSONObject {
  // Fantasy's CallWarning has no omitempty: every field is written.
  return {
    type: warning.type,
    setting: warning.setting ?? '',
    tool: warning.tool === undefined ? null : toolToFantasy(warning.tool, { path: `${path}.tool`, options }),
    details: warning.details ?? '',
    message: warning.message ?? '',
  };
}

function readWarning(value: unknown, context: ReadContext): CallWarning {
  const record = readRecord(value, context);
  const warning: CallWarning = { type: readEnum(record.type, warningTypes, childContext(context, 'type')) };
  for (const field of ['setting', 'details', 'message'] as const) {
    const text =
      record[field] === undefined || record[field] === null
        ? ''
        : readString(record[field], childContext(context, field));
    if (text !== '') warning[field] = text;
  }
  if (record.tool !== undefined && record.tool !== null)
    warning.tool = toolFromFantasy(record.tool, childContext(context, 'tool'));
  return warning;
}

function readUsage(value: unknown, context: ReadContext): Usage {
  const record = readRecord(value, context);
  const read = (field: (typeof usageFields)[number]) => {
    const wire = camelToSnake(field);
    return record[wire] === undefined ? 0 : readNumber(record[wire], childContext(context, wire));
  };
  return {
    inputTokens: read('inputTokens'),
    outputTokens: read('outputTokens'),
    totalTokens: read('totalTokens'),
    reasoningTokens: read('reasoningTokens'),
    cacheCreationTokens: read('cacheCreationTokens'),
    cacheReadTokens: read('cacheReadTokens'),
  };
}

function responseInfoToFantasy(info: ResponseInfo): JSONValue {
  return {
    ...(info.id === undefined ? {} : { id: info.id }),
    ...(info.modelId === undefined ? {} : { model_id: info.modelId }),
    ...(info.headers === undefined ? {} : { headers: info.headers }),
  };
}

function readResponseInfo(value: unknown, context: ReadContext): ResponseInfo {
  const record = readRecord(value, context);
  const info: ResponseInfo = {};
  if (record.id !== undefined) info.id = readString(record.id, childContext(context, 'id'));
  if (record.model_id !== undefined)
    info.modelId = readString(record.model_id, childContext(context, 'model_id'));
  if (record.headers !== undefined) {
    const headersContext = childContext(context, 'headers');
    const headers = readRecord(record.headers, headersContext);
    info.headers = Object.fromEntries(
      Object.entries(headers).map(([name, header]) => [
        name,
        readString(header, childContext(headersContext, name)),
      ]),
    );
  }
  return info;
}
