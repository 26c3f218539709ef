import { parseDocument } from 'yaml';
import { InvalidCassetteError } from '../../errors/invalid-cassette-error.js';
import { binaryTag } from './binary-tag.js';
import type {
  Cassette,
  CassetteBody,
  CassetteHeaders,
  RecordedInteraction,
  RecordedRequest,
  RecordedResponse,
} from './cassette.js';

type Fields = Record<string, unknown>;

/**
 * Parses go-vcr "version: 2" YAML, as Fantasy (Go) records it, into a cassette. `!!binary` bodies become
 * `Uint8Array`s; missing optional fields get go-vcr's zero values. Throws `InvalidCassetteError` naming
 * the offending field.
 *
 * @example
 * const cassette = parseCassette(await readFile('simple.yaml', 'utf8'));
 * cassette.interactions[0]?.request.url; // 'https://api.x.ai/v1/chat/completions'
 */
export function parseCassette(text: string, options: { path?: string } = {}): Cassette {
  const document = parseDocument(text, { customTags: [binaryTag] });
  const [firstError] = document.errors;
  if (firstError)
    throw new InvalidCassetteError({ message: firstError.message, path: options.path, cause: firstError });
  let value: unknown;
  try {
    // yaml stops alias expansion past maxAliasCount (a "billion laughs" document) with a ReferenceError, and
    // a very deep document overflows its recursion with a RangeError: both are a broken cassette, not a bug.
    value = document.toJS({ maxAliasCount });
  } catch (error) {
    const message = `unreadable YAML: ${(error as Error).message}`;
    throw new InvalidCassetteError({ message, path: options.path, cause: error });
  }
  try {
    return readCassette(value);
  } catch (error) {
    if (!(error instanceof TypeError)) throw error;
    throw new InvalidCassetteError({ message: error.message, path: options.path, cause: error });
  }
}

/** How many alias expansions a cassette may use; recorded cassettes use none. */
const maxAliasCount = 100;
/** The statuses a `Response` can have. */
const minimumStatus = 200;
const maximumStatus = 599;
/** An HTTP header name (RFC 9110 token). */
const headerName = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
/** Characters no header value or status text may hold: controls but tab, and anything above U+00FF. */
const forbiddenInHeaderValue = /[^\t\x20-\x7e\x80-\xff]/;

function readCassette(value: unknown): Cassette {
  const fields = readFields(value, 'the document');
  if (fields.version !== undefined && fields.version !== 2) {
    throw new TypeError(`version must be 2, found ${String(fields.version)}`);
  }
  const interactions = fields.interactions ?? [];
  if (!Array.isArray(interactions)) throw new TypeError('interactions must be a list');
  return { interactions: interactions.map((item, index) => readInteraction(item, `interactions[${index}]`)) };
}

function readInteraction(value: unknown, where: string): RecordedInteraction {
  const fields = readFields(value, where);
  return {
    id: readNumber(fields.id, `${where}.id`, 0),
    request: readRequest(fields.request, `${where}.request`),
    response: readResponse(fields.response, `${where}.response`),
  };
}

function readRequest(value: unknown, where: string): RecordedRequest {
  const fields = readFields(value, where);
  return {
    method: readString(fields.method, `${where}.method`),
    url: readString(fields.url, `${where}.url`),
    body: readBody(fields.body, `${where}.body`),
    headers: readHeaders(fields.headers, `${where}.headers`, readString),
    proto: readString(fields.proto, `${where}.proto`, ''),
    contentLength: readNumber(fields.content_length, `${where}.content_length`, -1),
    host: readString(fields.host, `${where}.host`, ''),
    ...(fields.form === undefined || fields.form === null
      ? {}
      : { form: readHeaders(fields.form, `${where}.form`, readString) }),
  };
}

function readResponse(value: unknown, where: string): RecordedResponse {
  const fields = readFields(value, where);
  const code = readStatus(fields.code, `${where}.code`);
  return {
    code,
    status: readHeaderValue(fields.status ?? String(code), `${where}.status`),
    body: readBody(fields.body, `${where}.body`),
    headers: readHeaders(fields.headers, `${where}.headers`, readHeaderValue),
    proto: readString(fields.proto, `${where}.proto`, ''),
    contentLength: readNumber(fields.content_length, `${where}.content_length`, -1),
    duration: readString(fields.duration, `${where}.duration`, ''),
    ...readTransferEncoding(fields.transfer_encoding, `${where}.transfer_encoding`),
    ...(fields.uncompressed === true ? { uncompressed: true } : {}),
  };
}

/**
 * A header map. Response headers are replayed through `Headers`, so their names must be HTTP tokens and
 * their values header text (`readHeaderValue`); request headers and forms are only compared, and may hold
 * any text.
 */
function readHeaders(
  value: unknown,
  where: string,
  readValue: (value: unknown, where: string) => string,
): CassetteHeaders {
  if (value === undefined || value === null) return {};
  const checkName = readValue === readHeaderValue;
  // fromEntries defines own properties, so a header named `__proto__` stays a header.
  return Object.fromEntries(
    Object.entries(readFields(value, where)).map(([name, values]) => {
      if (checkName && !headerName.test(name)) {
        throw new TypeError(`${where} has an invalid header name ${JSON.stringify(name)}`);
      }
      const list = Array.isArray(values) ? values : [values];
      return [name, list.map((item, index) => readValue(item, `${where}.${name}[${index}]`))];
    }),
  );
}

function readHeaderValue(value: unknown, where: string): string {
  const text = readString(value, where);
  const forbidden = forbiddenInHeaderValue.exec(text);
  if (forbidden !== null) {
    throw new TypeError(
      `${where} holds a ${describeCharacter(forbidden[0])} at position ${forbidden.index}, which an HTTP header cannot hold`,
    );
  }
  return text;
}

function describeCharacter(character: string): string {
  const code = character.charCodeAt(0);
  const names: Record<number, string> = { 0: 'NUL', 10: 'line break', 13: 'carriage return' };
  return names[code] ?? `character U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** A recorded status code: an integer a `Response` accepts (200 to 599). */
function readStatus(value: unknown, where: string): number {
  const code = readNumber(value, where);
  if (!Number.isInteger(code) || code < minimumStatus || code > maximumStatus) {
    throw new TypeError(
      `${where} must be an HTTP status from ${minimumStatus} to ${maximumStatus}, found ${code}`,
    );
  }
  return code;
}

function readTransferEncoding(value: unknown, where: string): { transferEncoding?: string[] } {
  if (value === undefined || value === null) return {};
  if (!Array.isArray(value)) throw new TypeError(`${where} must be a list`);
  return { transferEncoding: value.map((item, index) => readString(item, `${where}[${index}]`)) };
}

function readBody(value: unknown, where: string): CassetteBody {
  if (value === undefined || value === null) return '';
  if (value instanceof Uint8Array) return new Uint8Array(value);
  return readString(value, where);
}

function readFields(value: unknown, where: string): Fields {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new TypeError(`${where} must be a mapping`);
  }
  return value as Fields;
}

function readString(value: unknown, where: string, fallback?: string): string {
  if (value === undefined || value === null) {
    if (fallback !== undefined) return fallback;
    throw new TypeError(`${where} is missing`);
  }
  // YAML reads `status: 200` or a header value `1` as numbers; go-vcr wrote them as strings.
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value !== 'string') throw new TypeError(`${where} must be a string`);
  return value;
}

function readNumber(value: unknown, where: string, fallback?: number): number {
  if (value === undefined || value === null) {
    if (fallback !== undefined) return fallback;
    throw new TypeError(`${where} is missing`);
  }
  if (typeof value !== 'number') throw new TypeError(`${where} must be a number`);
  return value;
}
