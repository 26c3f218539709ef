import type { SourceContent } from '../../spec/content.js';
import { isWireObject, wireTypeError } from '../shared/wire-type-error.js';

/**
 * URL sources of a chat-completions message or delta: OpenAI's `annotations` of type `url_citation`
 * (`{ type, url_citation: { url, title, start_index, end_index } }`), with random ids as Fantasy gives them.
 * Other annotation types are skipped; `annotations` that is not an array is malformed.
 */
export function readAnnotationSources(annotations: unknown, path: string): SourceContent[] {
  if (annotations === undefined || annotations === null) return [];
  if (!Array.isArray(annotations)) throw wireTypeError({ path, expected: 'an array', value: annotations });
  const sources: SourceContent[] = [];
  for (const annotation of annotations) {
    if (!isWireObject(annotation) || annotation.type !== 'url_citation') continue;
    const citation = annotation.url_citation;
    if (!isWireObject(citation) || typeof citation.url !== 'string' || citation.url === '') continue;
    sources.push(urlSource(crypto.randomUUID(), citation.url, citation.title));
  }
  return sources;
}

/**
 * Perplexity's sources, on the response (or on every stream chunk): `search_results` (`[{ title, url, date,
 * snippet }]`) when present, else the bare URLs of `citations`. Ids are the URLs, so a stream that repeats
 * them on every chunk can emit each source once; `metadataKey` holds the result's date and snippet.
 */
export function readPerplexitySources(
  response: Record<string, unknown>,
  metadataKey: string,
): SourceContent[] {
  const results = response.search_results;
  if (results !== undefined && results !== null) {
    if (!Array.isArray(results))
      throw wireTypeError({ path: 'search_results', expected: 'an array', value: results });
    return results.flatMap((result) => searchResultSource(result, metadataKey));
  }
  const citations = response.citations;
  if (citations === undefined || citations === null) return [];
  if (!Array.isArray(citations))
    throw wireTypeError({ path: 'citations', expected: 'an array', value: citations });
  return citations.flatMap((url, index) => {
    if (typeof url !== 'string') {
      throw wireTypeError({ path: `citations[${index}]`, expected: 'a URL string', value: url });
    }
    return url === '' ? [] : [urlSource(url, url, undefined)];
  });
}

function searchResultSource(result: unknown, metadataKey: string): SourceContent[] {
  if (!isWireObject(result) || typeof result.url !== 'string' || result.url === '') return [];
  const source = urlSource(result.url, result.url, result.title);
  const metadata: Record<string, unknown> = {};
  if (typeof result.date === 'string') metadata.date = result.date;
  if (typeof result.last_updated === 'string') metadata.lastUpdated = result.last_updated;
  if (typeof result.snippet === 'string') metadata.snippet = result.snippet;
  if (Object.keys(metadata).length > 0) source.providerMetadata = { [metadataKey]: metadata };
  return [source];
}

function urlSource(id: string, url: string, title: unknown): SourceContent {
  return {
    type: 'source',
    sourceType: 'url',
    id,
    url,
    ...(typeof title === 'string' && title !== '' ? { title } : {}),
  };
}
