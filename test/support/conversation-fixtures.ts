import { type GenerateResult, withResultText } from '../../src/spec/generate-result.js';
import type { Message } from '../../src/spec/message.js';

/**
 * A conversation holding every message part type, every tool output type, and the options and metadata of
 * every provider key Fantasy knows, as our providers and the agent put them in memory.
 */
export function everyMessage(): Message[] {
  return [
    {
      role: 'system',
      content: [
        { type: 'text', text: 'You are terse.' },
        {
          type: 'text',
          text: 'Cite sources.',
          providerOptions: { anthropic: { cacheControl: { type: 'ephemeral' } } },
        },
      ],
      providerOptions: { anthropic: { cacheControl: { type: 'ephemeral', ttl: '1h' } } },
    },
    {
      role: 'user',
      content: [
        { type: 'text', text: 'Olá, 世界 👋 "quoted" \\ back\nslash' },
        {
          type: 'file',
          data: new Uint8Array([0, 1, 2, 127, 128, 254, 255]),
          mediaType: 'image/png',
          filename: 'pixel.png',
          providerOptions: { openai: { imageDetail: 'high' } },
        },
        { type: 'file', data: new Uint8Array(), mediaType: 'text/plain' },
      ],
      providerOptions: {
        openai: {
          user: 'tester',
          logprobs: true,
          topLogprobs: 3,
          logitBias: { '50256': -100 },
          metadata: { session_id: 'abc', traceId: 't-1' },
          prediction: { content: 'Hello' },
          maxCompletionTokens: 500,
        },
        anthropic: {
          sendReasoning: true,
          thinking: { budgetTokens: 4000 },
          effort: 'high',
          thinkingDisplay: 'summarized',
          disableParallelToolUse: false,
          extraBody: { service_tier: 'auto', metadata: { user_id: 'u-1' } },
        },
      },
    },
    {
      role: 'assistant',
      content: [
        {
          type: 'reasoning',
          text: 'Thinking about the weather…',
          providerOptions: { anthropic: { signature: 'sig-1' } },
        },
        { type: 'reasoning', text: '', providerOptions: { anthropic: { redactedData: 'cmVkYWN0ZWQ=' } } },
        {
          type: 'reasoning',
          text: 'First\nSecond',
          providerOptions: {
            openai: { itemId: 'rs_1', encryptedContent: 'gAAAAB', summary: ['First', 'Second'] },
          },
        },
        {
          type: 'reasoning',
          text: 'A Gemini thought',
          providerOptions: { google: { thoughtSignature: 'c2lnbmF0dXJl', toolId: 'call_1' } },
        },
        { type: 'text', text: 'Let me check.' },
        {
          type: 'tool-call',
          toolCallId: 'call_1',
          toolName: 'weather',
          input: '{"location":"Paris","unit":"celsius"}',
          providerOptions: { anthropic: { cacheControl: { type: 'ephemeral' } } },
        },
        {
          type: 'tool-call',
          toolCallId: 'srvtoolu_1',
          toolName: 'web_search',
          input: '{"query":"Paris weather"}',
          providerExecuted: true,
        },
        {
          type: 'tool-result',
          toolCallId: 'srvtoolu_1',
          toolName: 'web_search',
          output: { type: 'text', text: '' },
          providerExecuted: true,
          providerOptions: {
            anthropic: {
              results: [
                { url: 'https://example.com/a', title: 'A', encryptedContent: 'ZW5j', pageAge: '2 days' },
                { url: 'https://example.com/b', title: 'B', encryptedContent: 'ZW5k' },
              ],
            },
          },
        },
        {
          type: 'tool-call',
          toolCallId: 'ws_1',
          toolName: 'web_search',
          input: '',
          providerExecuted: true,
          providerOptions: {
            openai: {
              itemId: 'ws_1',
              action: { type: 'search', query: 'paris', sources: [{ type: 'url', url: 'https://x.y' }] },
            },
          },
        },
      ],
    },
    {
      role: 'tool',
      content: [
        {
          type: 'tool-result',
          toolCallId: 'call_1',
          toolName: 'weather',
          output: { type: 'text', text: '40 C and sunny' },
          clientMetadata: '{"latencyMs":12}',
        },
        {
          type: 'tool-result',
          toolCallId: 'call_2',
          output: { type: 'error', error: 'weather service is down' },
        },
        {
          type: 'tool-result',
          toolCallId: 'call_3',
          toolName: 'screenshot',
          output: { type: 'media', data: 'iVBORw0KGgo=', mediaType: 'image/png', text: 'the screen' },
        },
        {
          type: 'tool-result',
          toolCallId: 'call_4',
          toolName: 'audio',
          output: { type: 'media', data: 'UklGRg==', mediaType: 'audio/wav' },
        },
      ],
    },
    {
      role: 'user',
      content: [
        {
          type: 'text',
          text: 'And tomorrow?',
          providerOptions: { 'openai-compat': { fields: { cache_control: { type: 'ephemeral' } } } },
        },
      ],
      providerOptions: {
        'openai-compat': {
          user: 'u-2',
          reasoningEffort: 'high',
          extraBody: { top_k: 5, chat_template_kwargs: { thinking: true } },
        },
        google: {
          thinkingConfig: { thinkingBudget: 1024, includeThoughts: true },
          cachedContent: 'cachedContents/abc123',
          safetySettings: [{ category: 'HARM_CATEGORY_HATE_SPEECH', threshold: 'BLOCK_ONLY_HIGH' }],
          threshold: 'BLOCK_ONLY_HIGH',
        },
        openrouter: {
          reasoning: { effort: 'high', maxTokens: 2000, exclude: false },
          provider: { order: ['anthropic', 'openai'], allowFallbacks: false, dataCollection: 'deny' },
          includeUsage: true,
          logprobs: true,
          parallelToolCalls: false,
          extraBody: { transforms: ['middle-out'] },
        },
        vercel: {
          reasoning: { enabled: true, maxTokens: 1000 },
          providerOptions: { gateway: { order: ['vertex', 'anthropic'], zeroDataRetention: true } },
          byok: { anthropic: [{ apiKey: 'sk-ant-byok' }] },
          logprobs: true,
          topLogprobs: 2,
        },
        kronk: { minP: 0.05, dryPenaltyLastN: 64, enableThinking: true, stop: ['</s>'] },
      },
    },
    {
      role: 'user',
      content: [{ type: 'text', text: 'Use the Responses API.' }],
      providerOptions: {
        openai: {
          include: ['reasoning.encrypted_content'],
          reasoningEffort: 'medium',
          reasoningSummary: 'auto',
          store: false,
          strictJsonSchema: true,
          instructions: 'Be brief.',
        },
      },
    },
  ];
}

/** A response holding every content type, metadata of every kind, warnings and response info. */
export function everyContentResponse(validationError: Error): GenerateResult {
  return withResultText({
    content: [
      { type: 'reasoning', text: 'Hmm.', providerMetadata: { anthropic: { signature: 'sig-2' } } },
      { type: 'reasoning', text: '', providerMetadata: { openai: { itemId: 'rs_2', summary: [] } } },
      { type: 'reasoning', text: 'gemini', providerMetadata: { google: { thoughtSignature: 'Z2VtaW5p' } } },
      {
        type: 'text',
        text: 'Here you go.',
        providerMetadata: { openai: { itemId: 'msg_1', summary: ['x'] } },
      },
      { type: 'file', mediaType: 'image/png', data: new Uint8Array([137, 80, 78, 71]) },
      { type: 'source', sourceType: 'url', id: 'src-1', url: 'https://example.com', title: 'Example' },
      {
        type: 'source',
        sourceType: 'document',
        id: 'doc-1',
        title: 'Manual',
        mediaType: 'text/plain',
        filename: 'manual.txt',
        providerMetadata: { anthropic: { results: [] } },
      },
      { type: 'tool-call', toolCallId: 'call_1', toolName: 'weather', input: '{"location":"Paris"}' },
      {
        type: 'tool-call',
        toolCallId: 'call_2',
        toolName: 'weather',
        input: '{"loc":1}',
        invalid: true,
        validationError,
      },
      {
        type: 'tool-result',
        toolCallId: 'call_1',
        toolName: 'weather',
        output: { type: 'text', text: '40 C' },
        clientMetadata: '{"cached":true}',
        stopTurn: true,
      },
      {
        type: 'tool-result',
        toolCallId: 'ws_1',
        toolName: 'web_search',
        providerExecuted: true,
        providerMetadata: { openai: { itemId: 'ws_1', action: { type: 'search', query: 'paris' } } },
      },
      {
        type: 'tool-result',
        toolCallId: 'srvtoolu_2',
        toolName: 'web_search',
        providerExecuted: true,
        providerMetadata: { anthropic: { errorCode: 'max_uses_exceeded' } },
      },
    ],
    finishReason: 'tool-calls',
    usage: {
      inputTokens: 12,
      outputTokens: 34,
      totalTokens: 446,
      reasoningTokens: 5,
      cacheCreationTokens: 7,
      cacheReadTokens: 400,
    },
    warnings: [
      { type: 'unsupported-setting', setting: 'topK', details: 'topK is not supported' },
      {
        type: 'unsupported-tool',
        tool: {
          type: 'provider-defined',
          id: 'anthropic.computer',
          name: 'computer',
          args: { display_width_px: 1024 },
        },
      },
      {
        type: 'unsupported-tool',
        tool: {
          type: 'function',
          name: 'weather',
          description: 'Get the weather',
          inputSchema: {
            type: 'object',
            properties: { location: { type: 'string' } },
            required: ['location'],
          },
          providerOptions: { anthropic: { cacheControl: { type: 'ephemeral' } } },
        },
      },
      { type: 'other', message: 'something else' },
    ],
    providerMetadata: {
      openai: { responseId: 'resp_123' },
      openrouter: {
        provider: 'Anthropic',
        usage: {
          promptTokens: 12,
          completionTokens: 34,
          totalTokens: 46,
          cost: 0.0012,
          costDetails: { upstreamInferenceCost: 0.001 },
        },
      },
      vercel: { provider: 'vertex' },
      kronk: { tokensPerSecond: 42 },
    },
    response: { id: 'chatcmpl-1', modelId: 'gpt-4o-2024-08-06', headers: { 'x-request-id': 'req_1' } },
  });
}
