import { createSseParser } from '../http/sse.js';

/** What a recorded event stream said, whichever provider sent it. */
export interface SseSummary {
  events: number;
  text: string;
  reasoning: string;
  toolCalls: Array<{ name: string; input: string }>;
  finishReason: string | undefined;
  usage: unknown;
  errors: string[];
}

type Json = Record<string, unknown>;

/**
 * Decodes a server-sent events body and summarizes it: the text and reasoning joined, tool calls with their
 * full input, the finish reason, the last usage and any error events. Reads the event shapes of OpenAI chat
 * completions (and compatible services), the OpenAI Responses API, Anthropic and Gemini.
 */
export function summarizeSse(body: string): SseSummary {
  const summary: SseSummary = {
    events: 0,
    text: '',
    reasoning: '',
    toolCalls: [],
    finishReason: undefined,
    usage: undefined,
    errors: [],
  };
  const toolsByKey = new Map<string, { name: string; input: string }>();
  const tool = (key: string) => {
    let call = toolsByKey.get(key);
    if (call === undefined) {
      call = { name: '', input: '' };
      toolsByKey.set(key, call);
      summary.toolCalls.push(call);
    }
    return call;
  };
  const parser = createSseParser({
    onEvent: (event) => {
      summary.events++;
      const json = parseJson(event.data);
      if (json === undefined) return;
      if (isObject(json.error)) summary.errors.push(String(json.error.message ?? JSON.stringify(json.error)));
      for (const reduce of reducers) reduce(summary, json, tool);
    },
  });
  parser.feed(body);
  parser.end();
  return summary;
}

type Reducer = (
  summary: SseSummary,
  json: Json,
  tool: (key: string) => { name: string; input: string },
) => void;

/** `choices[].delta`: OpenAI chat completions and every compatible service. */
const reduceChatCompletion: Reducer = (summary, json, tool) => {
  if (!Array.isArray(json.choices)) return;
  if (json.usage) summary.usage = json.usage;
  for (const choice of json.choices as Json[]) {
    const delta = isObject(choice.delta) ? choice.delta : {};
    if (typeof delta.content === 'string') summary.text += delta.content;
    const reasoning = delta.reasoning_content ?? delta.reasoning;
    if (typeof reasoning === 'string') summary.reasoning += reasoning;
    for (const call of Array.isArray(delta.tool_calls) ? (delta.tool_calls as Json[]) : []) {
      const entry = tool(`chat:${String(call.index ?? 0)}`);
      const fn = isObject(call.function) ? call.function : {};
      if (typeof fn.name === 'string') entry.name += fn.name;
      if (typeof fn.arguments === 'string') entry.input += fn.arguments;
    }
    if (typeof choice.finish_reason === 'string') summary.finishReason = choice.finish_reason;
  }
};

/** `message_start`, `content_block_*`, `message_delta`: Anthropic's Messages API. */
const reduceAnthropic: Reducer = (summary, json, tool) => {
  const block = isObject(json.content_block) ? json.content_block : undefined;
  const delta = isObject(json.delta) ? json.delta : {};
  if (json.type === 'message_start' && isObject(json.message)) summary.usage = json.message.usage;
  if (json.type === 'content_block_start' && block && typeof block.name === 'string')
    tool(`anthropic:${String(json.index)}`).name = block.name;
  if (json.type === 'content_block_delta') {
    if (typeof delta.text === 'string') summary.text += delta.text;
    if (typeof delta.thinking === 'string') summary.reasoning += delta.thinking;
    if (typeof delta.partial_json === 'string')
      tool(`anthropic:${String(json.index)}`).input += delta.partial_json;
  }
  if (json.type === 'message_delta') {
    if (typeof delta.stop_reason === 'string') summary.finishReason = delta.stop_reason;
    if (json.usage)
      summary.usage = { ...(isObject(summary.usage) ? summary.usage : {}), ...(json.usage as Json) };
  }
};

/** `response.*` events: the OpenAI Responses API. */
const reduceResponses: Reducer = (summary, json, tool) => {
  if (typeof json.type !== 'string' || !json.type.startsWith('response.')) return;
  if (json.type === 'response.output_text.delta' && typeof json.delta === 'string')
    summary.text += json.delta;
  if (json.type === 'response.reasoning_summary_text.delta' && typeof json.delta === 'string')
    summary.reasoning += json.delta;
  const item = isObject(json.item) ? json.item : undefined;
  if (json.type === 'response.output_item.done' && item?.type === 'function_call') {
    Object.assign(tool(`responses:${String(item.call_id ?? item.id)}`), {
      name: String(item.name),
      input: String(item.arguments ?? ''),
    });
  }
  const response = isObject(json.response) ? json.response : undefined;
  if (
    response &&
    (json.type === 'response.completed' ||
      json.type === 'response.incomplete' ||
      json.type === 'response.failed')
  ) {
    summary.finishReason = String(response.status);
    if (response.usage) summary.usage = response.usage;
    if (isObject(response.error)) summary.errors.push(String(response.error.message));
  }
};

/** `candidates[0].content.parts`: Gemini. */
const reduceGemini: Reducer = (summary, json, tool) => {
  if (json.usageMetadata) summary.usage = json.usageMetadata;
  const candidate =
    Array.isArray(json.candidates) && isObject(json.candidates[0]) ? (json.candidates[0] as Json) : undefined;
  if (candidate === undefined) return;
  const content = isObject(candidate.content) ? candidate.content : {};
  for (const part of Array.isArray(content.parts) ? (content.parts as Json[]) : []) {
    if (typeof part.text === 'string') {
      if (part.thought) summary.reasoning += part.text;
      else summary.text += part.text;
    }
    if (isObject(part.functionCall)) {
      const call = tool(`gemini:${summary.toolCalls.length}`);
      call.name = String(part.functionCall.name);
      call.input = JSON.stringify(part.functionCall.args ?? {});
    }
  }
  if (typeof candidate.finishReason === 'string') summary.finishReason = candidate.finishReason;
};

const reducers: readonly Reducer[] = [reduceChatCompletion, reduceAnthropic, reduceResponses, reduceGemini];

function parseJson(data: string): Json | undefined {
  if (data === '' || data === '[DONE]') return undefined;
  try {
    const value: unknown = JSON.parse(data);
    return isObject(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
