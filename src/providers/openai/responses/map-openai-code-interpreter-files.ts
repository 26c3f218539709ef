import type { FileContent, SourceContent } from '../../../spec/content.js';
import { decodeDataUrl } from '../../shared/decode-data-url.js';
import type { ResponsesOutputItem } from './openai-responses-api.js';

/**
 * The images a `code_interpreter_call` made (its `outputs` of `type: 'image'`, present with
 * `include: ['code_interpreter_call.outputs']`): an image whose `url` is a `data:` URL is a file part with
 * its bytes; one OpenAI hosts at an http(s) URL is a url source. Container files the text cites are
 * document sources already (`container_file_citation`).
 */
export function mapCodeInterpreterFiles(item: ResponsesOutputItem): Array<FileContent | SourceContent> {
  if (item.type !== 'code_interpreter_call' || !Array.isArray(item.outputs)) return [];
  const metadata = {
    openai: { itemId: item.id ?? '', ...(item.container_id ? { containerId: item.container_id } : {}) },
  };
  const files: Array<FileContent | SourceContent> = [];
  for (const output of item.outputs as unknown[]) {
    const url = imageUrl(output);
    if (url === undefined) continue;
    const decoded = decodeDataUrl(url);
    if (decoded !== undefined) files.push({ type: 'file', ...decoded, providerMetadata: metadata });
    else if (/^https?:\/\//i.test(url))
      files.push({ type: 'source', sourceType: 'url', id: url, url, providerMetadata: metadata });
  }
  return files;
}

function imageUrl(output: unknown): string | undefined {
  if (typeof output !== 'object' || output === null) return undefined;
  const { type, url } = output as { type?: unknown; url?: unknown };
  return type === 'image' && typeof url === 'string' && url !== '' ? url : undefined;
}
