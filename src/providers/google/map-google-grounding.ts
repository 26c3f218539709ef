import type { SourceContent } from '../../spec/content.js';
import type { GoogleGroundingMetadata } from './google-api.js';

/**
 * The sources grounding cites, one per chunk: web pages and map places as url sources, retrieved documents
 * (file search, Vertex AI Search) as url sources when they have a web URI, else as document sources. The
 * search entry point and supports stay in `providerMetadata.google.groundingMetadata`.
 */
export function mapGoogleGroundingSources(metadata: GoogleGroundingMetadata | undefined): SourceContent[] {
  const sources: SourceContent[] = [];
  (metadata?.groundingChunks ?? []).forEach((chunk, index) => {
    const web = chunk.web ?? chunk.maps;
    if (web?.uri) {
      sources.push({ type: 'source', sourceType: 'url', id: web.uri, url: web.uri, ...titled(web.title) });
      return;
    }
    const context = chunk.retrievedContext;
    if (context === undefined) return;
    if (context.uri && /^https?:\/\//.test(context.uri)) {
      sources.push({
        type: 'source',
        sourceType: 'url',
        id: context.uri,
        url: context.uri,
        ...titled(context.title),
      });
      return;
    }
    sources.push({
      type: 'source',
      sourceType: 'document',
      id: context.uri || context.title || `chunk-${index}`,
      mediaType: 'text/plain',
      ...titled(context.title),
      ...(context.fileSearchStore
        ? { providerMetadata: { google: { fileSearchStore: context.fileSearchStore } } }
        : {}),
    });
  });
  return sources;
}

function titled(title: string | undefined): { title?: string } {
  return title ? { title } : {};
}
