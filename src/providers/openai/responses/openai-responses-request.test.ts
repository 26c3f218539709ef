import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../../errors/invalid-argument-error.js';
import type { CallOptions } from '../../../spec/call-options.js';
import { type Message, systemMessage, userMessage } from '../../../spec/message.js';
import type { FunctionTool } from '../../../spec/tool.js';
import { buildResponsesRequest } from './openai-responses-request.js';
import { webSearchTool } from './openai-web-search-tool.js';

const weather: FunctionTool = {
  type: 'function',
  name: 'weather',
  description: 'Get weather information for a location',
  inputSchema: {
    type: 'object',
    properties: { location: { type: 'string', description: 'the city' } },
    required: ['location'],
  },
};

const prompt: Message[] = [systemMessage('You are a helpful assistant'), userMessage('Hi')];

function build(modelId: string, call: Partial<CallOptions> = {}) {
  return buildResponsesRequest({ modelId, call: { prompt, ...call }, stream: false });
}

describe('Responses request bodies', () => {
  it('sends a reasoning model the developer role, an input_text list, store false, and non-strict tools', () => {
    const { body, warnings } = build('gpt-5', {
      tools: [weather],
      toolChoice: 'auto',
      maxOutputTokens: 4000,
    });
    expect(body).toEqual({
      model: 'gpt-5',
      max_output_tokens: 4000,
      store: false,
      input: [
        { role: 'developer', content: 'You are a helpful assistant' },
        { role: 'user', content: [{ type: 'input_text', text: 'Hi' }] },
      ],
      tool_choice: 'auto',
      tools: [
        {
          type: 'function',
          name: 'weather',
          description: 'Get weather information for a location',
          parameters: weather.inputSchema,
          strict: false,
        },
      ],
    });
    expect(warnings).toEqual([]);
  });

  it('sends other models the system role, with system texts concatenated and blank ones skipped', () => {
    const { body } = build('gpt-4o-mini', {
      prompt: [systemMessage('Be brief. ', '  ', 'Be kind.'), userMessage('Hi')],
    });
    expect((body.input as unknown[])[0]).toEqual({ role: 'system', content: 'Be brief. Be kind.' });
  });

  it('treats gpt-5-chat as a chat model and removes system messages for o1-mini with a warning', () => {
    expect((build('gpt-5-chat-latest').body.input as unknown[])[0]).toMatchObject({ role: 'system' });
    const { body, warnings } = build('o1-mini');
    expect(body.input).toEqual([{ role: 'user', content: [{ type: 'input_text', text: 'Hi' }] }]);
    expect(warnings).toEqual([{ type: 'other', message: 'system messages are removed for this model' }]);
  });

  it('drops temperature and topP for reasoning models with warnings and sends them otherwise', () => {
    const sampling = { temperature: 0.2, topP: 0.9 };
    const reasoning = build('o4-mini', sampling);
    expect(reasoning.body).not.toHaveProperty('temperature');
    expect(reasoning.body).not.toHaveProperty('top_p');
    expect(reasoning.warnings.map((warning) => warning.setting)).toEqual(['temperature', 'topP']);
    expect(build('gpt-4o', sampling).body).toMatchObject({ temperature: 0.2, top_p: 0.9 });
  });

  it('warns about topK and the penalties, which the Responses API does not take', () => {
    const { body, warnings } = build('gpt-4o', { topK: 3, presencePenalty: 1, frequencyPenalty: 1 });
    expect(warnings.map((warning) => warning.setting)).toEqual([
      'topK',
      'presencePenalty',
      'frequencyPenalty',
    ]);
    expect(Object.keys(body)).toEqual(['model', 'input', 'store']);
  });

  it('sends reasoning effort and summary to reasoning models only, warning for others', () => {
    const providerOptions = { openai: { reasoningEffort: 'high', reasoningSummary: 'auto' } };
    expect(build('gpt-5-mini', { providerOptions }).body.reasoning).toEqual({
      effort: 'high',
      summary: 'auto',
    });
    const { body, warnings } = build('gpt-4o', { providerOptions });
    expect(body).not.toHaveProperty('reasoning');
    expect(warnings.map((warning) => warning.setting)).toEqual(['reasoningEffort', 'reasoningSummary']);
  });

  it('rejects an unknown reasoning effort with an error that names the accepted values', () => {
    expect(() => build('gpt-5', { providerOptions: { openai: { reasoningEffort: 'extreme' } } })).toThrow(
      /not one of none, minimal, low, medium, high/,
    );
  });

  it('puts the logprobs include first, then the caller includes, and asks for 20 top logprobs for true', () => {
    const { body } = build('gpt-4o', {
      providerOptions: { openai: { logprobs: true, include: ['reasoning.encrypted_content'] } },
    });
    expect(body.include).toEqual(['message.output_text.logprobs', 'reasoning.encrypted_content']);
    expect(body.top_logprobs).toBe(20);
  });

  it('passes the direct options through in snake_case and keeps only string metadata', () => {
    const { body } = build('gpt-4o', {
      providerOptions: {
        openai: {
          maxToolCalls: 3,
          parallelToolCalls: false,
          user: 'u1',
          instructions: 'Answer in Italian',
          promptCacheKey: 'key',
          safetyIdentifier: 'sid',
          metadata: { team: 'core', count: 3 },
          textVerbosity: 'low',
          store: true,
        },
      },
    });
    expect(body).toMatchObject({
      max_tool_calls: 3,
      parallel_tool_calls: false,
      user: 'u1',
      instructions: 'Answer in Italian',
      prompt_cache_key: 'key',
      safety_identifier: 'sid',
      metadata: { team: 'core' },
      text: { verbosity: 'low' },
      store: true,
    });
  });

  it('drops a flex service tier for a model without flex processing, with a warning', () => {
    const providerOptions = { openai: { serviceTier: 'flex' } };
    expect(build('gpt-5', { providerOptions }).body.service_tier).toBe('flex');
    const { body, warnings } = build('gpt-4o', { providerOptions });
    expect(body).not.toHaveProperty('service_tier');
    expect(warnings).toEqual([expect.objectContaining({ setting: 'serviceTier' })]);
  });

  it('refuses previousResponseId without store or together with replayed history', () => {
    const chained = { openai: { previousResponseId: 'resp_1', store: true } };
    expect(build('gpt-5', { providerOptions: chained }).body.previous_response_id).toBe('resp_1');
    expect(() => build('gpt-5', { providerOptions: { openai: { previousResponseId: 'resp_1' } } })).toThrow(
      InvalidArgumentError,
    );
    const history: Message[] = [...prompt, { role: 'assistant', content: [{ type: 'text', text: 'Olá' }] }];
    expect(() => build('gpt-5', { prompt: history, providerOptions: chained })).toThrow(/replayed history/);
  });

  it('sends strict tools, a named tool choice, and no tool_choice without tools', () => {
    const { body } = build('gpt-4o', {
      tools: [weather],
      toolChoice: { type: 'tool', toolName: 'weather' },
      providerOptions: { openai: { strictJsonSchema: true } },
    });
    expect(body.tool_choice).toEqual({ type: 'function', name: 'weather' });
    expect(body.tools).toEqual([expect.objectContaining({ strict: true })]);
    expect(build('gpt-4o', { toolChoice: 'auto' }).body).not.toHaveProperty('tool_choice');
  });

  it('sends the web search tool with its settings and warns about provider tools it does not know', () => {
    const { body, warnings } = build('gpt-4.1', {
      tools: [
        webSearchTool({
          searchContextSize: 'low',
          allowedDomains: ['example.com'],
          userLocation: { city: 'Florence', country: 'IT' },
        }),
        { type: 'provider-defined', id: 'anthropic.computer', name: 'computer', args: {} },
      ],
      toolChoice: 'auto',
    });
    expect(body.tools).toEqual([
      {
        type: 'web_search',
        search_context_size: 'low',
        filters: { allowed_domains: ['example.com'] },
        user_location: { type: 'approximate', city: 'Florence', country: 'IT' },
      },
    ]);
    expect(warnings).toEqual([expect.objectContaining({ type: 'unsupported-tool' })]);
    expect(build('gpt-4.1', { tools: [webSearchTool()] }).body.tools).toEqual([{ type: 'web_search' }]);
  });

  it('asks for JSON through text.format with closed objects, no strict and no description', () => {
    const schema = { type: 'object', properties: { name: { type: 'string' } }, required: ['name'] };
    const { body } = build('gpt-4o', {
      responseFormat: { type: 'json', schema, name: 'Person', description: 'A person' },
      providerOptions: { openai: { textVerbosity: 'high' } },
    });
    expect(body.text).toEqual({
      verbosity: 'high',
      format: { type: 'json_schema', name: 'Person', schema: { ...schema, additionalProperties: false } },
    });
    expect(build('gpt-4o', { responseFormat: { type: 'json' } }).body.text).toEqual({
      format: { type: 'json_object' },
    });
  });

  it('adds stream: true, and nothing else, for streaming', () => {
    const streamed = buildResponsesRequest({ modelId: 'gpt-5', call: { prompt }, stream: true }).body;
    expect(streamed).toEqual({ ...build('gpt-5').body, stream: true });
  });
});

describe('Responses input history', () => {
  const reasoningMetadata = { openai: { itemId: 'rs_1', encryptedContent: 'enc', summary: ['Plan'] } };

  it('never replays reasoning, keeps assistant text and raw tool-call arguments, and sends tool outputs', () => {
    const { body } = build('gpt-5', {
      prompt: [
        ...prompt,
        {
          role: 'assistant',
          content: [
            { type: 'reasoning', text: 'Plan', providerOptions: reasoningMetadata },
            { type: 'text', text: 'Checking.' },
            { type: 'tool-call', toolCallId: 'call_1', toolName: 'weather', input: '{"location": "Rome"}' },
            { type: 'tool-call', toolCallId: 'call_2', toolName: 'weather', input: '{}' },
          ],
        },
        {
          role: 'tool',
          content: [
            { type: 'tool-result', toolCallId: 'call_1', output: { type: 'text', text: '40 C' } },
            { type: 'tool-result', toolCallId: 'call_2', output: { type: 'error', error: 'no such city' } },
          ],
        },
      ],
    });
    expect((body.input as unknown[]).slice(2)).toEqual([
      { role: 'assistant', content: 'Checking.' },
      { type: 'function_call', call_id: 'call_1', name: 'weather', arguments: '{"location": "Rome"}' },
      { type: 'function_call', call_id: 'call_2', name: 'weather', arguments: '{}' },
      { type: 'function_call_output', call_id: 'call_1', output: '40 C' },
      { type: 'function_call_output', call_id: 'call_2', output: 'no such city' },
    ]);
  });

  it('drops an assistant message holding only reasoning, with a warning', () => {
    const { body, warnings } = build('gpt-5', {
      prompt: [...prompt, { role: 'assistant', content: [{ type: 'reasoning', text: 'Plan' }] }],
    });
    expect(body.input).toHaveLength(2);
    expect(warnings).toEqual([{ type: 'other', message: 'dropping empty assistant message' }]);
  });

  it('skips provider-executed calls and results without store and refers to them by id with store', () => {
    const history: Message[] = [
      ...prompt,
      {
        role: 'assistant',
        content: [
          {
            type: 'tool-call',
            toolCallId: 'ws_1',
            toolName: 'web_search',
            input: '{}',
            providerExecuted: true,
          },
          {
            type: 'tool-result',
            toolCallId: 'ws_1',
            toolName: 'web_search',
            output: { type: 'text', text: '' },
            providerExecuted: true,
          },
          { type: 'text', text: 'About 14M.' },
        ],
      },
    ];
    expect((build('gpt-4.1', { prompt: history }).body.input as unknown[]).slice(2)).toEqual([
      { role: 'assistant', content: 'About 14M.' },
    ]);
    const stored = build('gpt-4.1', { prompt: history, providerOptions: { openai: { store: true } } });
    expect((stored.body.input as unknown[]).slice(2)).toEqual([
      { type: 'item_reference', id: 'ws_1' },
      { role: 'assistant', content: 'About 14M.' },
    ]);
  });

  it('sends an image tool result as a placeholder output followed by a user input_image', () => {
    const { body } = build('gpt-5', {
      prompt: [
        {
          role: 'tool',
          content: [
            {
              type: 'tool-result',
              toolCallId: 'call_1',
              output: { type: 'media', data: 'iVBORw0KGgo=', mediaType: 'image/png' },
            },
          ],
        },
      ],
    });
    expect(body.input).toEqual([
      {
        type: 'function_call_output',
        call_id: 'call_1',
        output: 'The tool returned image/png content; see the following user message.',
      },
      { role: 'user', content: [{ type: 'input_image', image_url: 'data:image/png;base64,iVBORw0KGgo=' }] },
    ]);
  });

  it('sends user images and PDFs as data URLs and warns about other files', () => {
    const bytes = new Uint8Array([1, 2, 3]);
    const { body, warnings } = build('gpt-4o', {
      prompt: [
        userMessage(
          'Describe',
          { type: 'file', data: bytes, mediaType: 'image/png' },
          { type: 'file', data: bytes, mediaType: 'application/pdf' },
          { type: 'file', data: bytes, mediaType: 'audio/wav' },
        ),
      ],
    });
    expect(body.input).toEqual([
      {
        role: 'user',
        content: [
          { type: 'input_text', text: 'Describe' },
          { type: 'input_image', image_url: 'data:image/png;base64,AQID' },
          { type: 'input_file', filename: 'part-2.pdf', file_data: 'data:application/pdf;base64,AQID' },
        ],
      },
    ]);
    expect(warnings).toEqual([{ type: 'other', message: 'file part media type audio/wav not supported' }]);
  });
});
