import { Document, type Scalar, visit } from 'yaml';
import { binaryTag } from './binary-tag.js';
import type {
  Cassette,
  CassetteBody,
  CassetteHeaders,
  RecordedRequest,
  RecordedResponse,
} from './cassette.js';

/**
 * Writes a cassette as go-vcr "version: 2" YAML, laid out like the files Fantasy (Go) records: multi-line
 * text bodies as block literals, binary bodies as `!!binary` base64, long lines never folded. Reading the
 * result with `parseCassette` gives back the same cassette.
 *
 * @example
 * await writeFile('simple.yaml', stringifyCassette({ interactions }));
 */
export function stringifyCassette(cassette: Cassette): string {
  const content = {
    version: 2,
    interactions: cassette.interactions.map((interaction) => ({
      id: interaction.id,
      request: convertRequest(interaction.request),
      response: convertResponse(interaction.response),
    })),
  };
  const document = new Document(content, { customTags: [binaryTag] });
  visit(document, { Scalar: (_, scalar) => chooseStringStyle(scalar) });
  const text = document.toString({
    lineWidth: 0,
    indentSeq: false,
    singleQuote: true,
    doubleQuotedMinMultiLineLength: Number.POSITIVE_INFINITY,
  });
  return `---\n${text}`;
}

function convertRequest(request: RecordedRequest) {
  return {
    ...convertProto(request.proto),
    content_length: request.contentLength,
    host: request.host,
    body: convertBody(request.body),
    ...(request.form ? { form: request.form } : {}),
    headers: sortHeaders(request.headers),
    url: request.url,
    method: request.method,
  };
}

function convertResponse(response: RecordedResponse) {
  return {
    ...convertProto(response.proto),
    ...(response.transferEncoding ? { transfer_encoding: response.transferEncoding } : {}),
    content_length: response.contentLength,
    ...(response.uncompressed ? { uncompressed: true } : {}),
    body: convertBody(response.body),
    headers: sortHeaders(response.headers),
    status: response.status,
    code: response.code,
    duration: response.duration,
  };
}

function convertProto(proto: string) {
  const [, major = '1', minor = '1'] = /^HTTP\/(\d+)(?:\.(\d+))?$/.exec(proto) ?? [];
  return { proto, proto_major: Number(major), proto_minor: Number(minor) };
}

/** A copy, so a view into a larger buffer is written as just its own bytes. */
function convertBody(body: CassetteBody): CassetteBody {
  return typeof body === 'string' ? body : body.slice();
}

/** Go writes map keys sorted; doing the same keeps re-recorded files diffable. */
function sortHeaders(headers: CassetteHeaders): CassetteHeaders {
  const names = Object.keys(headers).sort();
  return Object.fromEntries(names.map((name) => [name, [...(headers[name] ?? [])]]));
}

/** Styles strings the way Go's YAML encoder does; plain one-line strings are left to the library. */
function chooseStringStyle(scalar: Scalar): void {
  if (typeof scalar.value !== 'string') return;
  if (scalar.value === '') scalar.type = 'QUOTE_DOUBLE';
  else if (scalar.value.includes('\n'))
    scalar.type = suitsBlockLiteral(scalar.value) ? 'BLOCK_LITERAL' : 'QUOTE_DOUBLE';
}

/**
 * Multi-line text reads best as a block literal; like Go's YAML encoder, keep text whose lines start or end
 * with white space quoted, where every character stays visible.
 */
function suitsBlockLiteral(value: string): boolean {
  return !/^\s|[ \t](?:\n|$)/.test(value);
}
