import type {
  ReasoningContent,
  SourceContent,
  ToolCallContent,
  ToolResultContent,
} from '../../../spec/content.js';
import type { ResponsesAnnotation, ResponsesOutputItem } from './openai-responses-api.js';
import type {
  OpenAIResponsesReasoningMetadata,
  OpenAIWebSearchCallMetadata,
} from './openai-responses-options.js';

/** The name provider-executed web search calls are reported under. */
export const webSearchToolName = 'web_search';

/**
 * A citation as a source part: `url_citation` → url source, `file_citation` → document source (its file id in
 * `providerMetadata.openai.fileId`).
 */
export function mapOpenAIResponsesAnnotation(annotation: ResponsesAnnotation): SourceContent | undefined {
  if (annotation.type === 'url_citation') {
    return {
      type: 'source',
      sourceType: 'url',
      id: crypto.randomUUID(),
      url: annotation.url ?? '',
      ...(annotation.title ? { title: annotation.title } : {}),
    };
  }
  if (annotation.type === 'container_file_citation' || annotation.type === 'file_path') {
    // Files the code interpreter wrote: the ids locate them (containers API, files API).
    return {
      type: 'source',
      sourceType: 'document',
      id: annotation.file_id ?? crypto.randomUUID(),
      mediaType: 'application/octet-stream',
      title: annotation.filename || annotation.file_id || 'File',
      ...(annotation.filename ? { filename: annotation.filename } : {}),
      providerMetadata: {
        openai: {
          fileId: annotation.file_id ?? '',
          ...(annotation.container_id ? { containerId: annotation.container_id } : {}),
        },
      },
    };
  }
  if (annotation.type === 'file_citation') {
    const filename = annotation.filename || annotation.file_id;
    return {
      type: 'source',
      sourceType: 'document',
      id: crypto.randomUUID(),
      mediaType: 'text/plain',
      title: annotation.filename || 'Document',
      ...(filename ? { filename } : {}),
      // The file id is the only link between a citation and the file search results that found it.
      ...(annotation.file_id ? { providerMetadata: { openai: { fileId: annotation.file_id } } } : {}),
    };
  }
  return undefined;
}

/** The metadata of a reasoning item; the summary texts are given separately (the stream builds them). */
export function reasoningMetadata(
  item: ResponsesOutputItem,
  summary: string[],
): { openai: OpenAIResponsesReasoningMetadata } {
  return {
    openai: {
      itemId: item.id ?? '',
      ...(item.encrypted_content ? { encryptedContent: item.encrypted_content } : {}),
      summary,
    },
  };
}

/**
 * A reasoning item as reasoning content: the summaries joined with "\n". Items with neither a summary nor
 * encrypted content carry nothing and are skipped, as Fantasy does.
 */
export function mapOpenAIResponsesReasoning(item: ResponsesOutputItem): ReasoningContent | undefined {
  const summaries = (item.summary ?? []).map((part) => part.text ?? '');
  // Open-weight servers (vLLM, LM Studio) send the reasoning itself as `reasoning_text` content.
  const texts = (item.content ?? []).filter((part) => part.type === 'reasoning_text');
  if (summaries.length === 0 && texts.length > 0) {
    return {
      type: 'reasoning',
      text: texts.map((part) => part.text ?? '').join(''),
      providerMetadata: reasoningMetadata(item, []),
    };
  }
  if (summaries.length === 0 && !item.encrypted_content) return undefined;
  const summary = summaries.length === 0 ? [''] : summaries;
  return { type: 'reasoning', text: summary.join('\n'), providerMetadata: reasoningMetadata(item, summary) };
}

/**
 * A `web_search_call` item as the pair Fantasy reports: a provider-executed tool call (input = the search
 * action as JSON) and its result, whose payload is the metadata.
 */
export function mapOpenAIWebSearchCall(item: ResponsesOutputItem): [ToolCallContent, ToolResultContent] {
  const id = item.id ?? '';
  const metadata: OpenAIWebSearchCallMetadata = {
    itemId: id,
    ...(item.action ? { action: item.action } : {}),
  };
  return [
    {
      type: 'tool-call',
      toolCallId: id,
      toolName: webSearchToolName,
      input: JSON.stringify(item.action ?? {}),
      providerExecuted: true,
    },
    {
      type: 'tool-result',
      toolCallId: id,
      toolName: webSearchToolName,
      providerExecuted: true,
      providerMetadata: { openai: { ...metadata } },
    },
  ];
}
