/**
 * The fields each citation type takes on a request text block, as the Messages API documents them
 * (`TextCitationParam`). Responses add more (`file_id` on document locations), which requests do not take.
 */
const requestCitationFields: Record<string, readonly string[]> = {
  char_location: ['cited_text', 'document_index', 'document_title', 'start_char_index', 'end_char_index'],
  page_location: ['cited_text', 'document_index', 'document_title', 'start_page_number', 'end_page_number'],
  content_block_location: [
    'cited_text',
    'document_index',
    'document_title',
    'start_block_index',
    'end_block_index',
  ],
  web_search_result_location: ['cited_text', 'encrypted_index', 'title', 'url'],
  search_result_location: [
    'cited_text',
    'search_result_index',
    'source',
    'title',
    'start_block_index',
    'end_block_index',
  ],
};

/**
 * A text block's citations as a request takes them: each citation of a documented type with its
 * documented fields, in the order received. Citations of other types are left out; `undefined` when none
 * remain (or `citations` is not a list).
 */
export function convertAnthropicCitations(citations: unknown): Record<string, unknown>[] | undefined {
  if (!Array.isArray(citations)) return undefined;
  const converted: Record<string, unknown>[] = [];
  for (const citation of citations as unknown[]) {
    const request = convertCitation(citation);
    if (request !== undefined) converted.push(request);
  }
  return converted.length === 0 ? undefined : converted;
}

function convertCitation(citation: unknown): Record<string, unknown> | undefined {
  if (typeof citation !== 'object' || citation === null || Array.isArray(citation)) return undefined;
  const received = citation as Record<string, unknown>;
  const type = received.type;
  const fields =
    typeof type === 'string' && Object.hasOwn(requestCitationFields, type)
      ? requestCitationFields[type]
      : undefined;
  if (fields === undefined) return undefined;
  const converted: Record<string, unknown> = { type };
  for (const field of fields) if (field in received) converted[field] = received[field];
  return converted;
}
