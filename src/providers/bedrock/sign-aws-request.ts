/** AWS credentials: an access key pair, with a session token for temporary credentials. */
export interface AwsCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string | undefined;
}

/** A request to sign with AWS Signature Version 4. */
export interface AwsSigningRequest {
  method: string;
  url: string;
  /** Headers to sign besides `host`, `x-amz-date` and `x-amz-security-token` (which are added). */
  headers: Record<string, string>;
  body: string;
  credentials: AwsCredentials;
  region: string;
  service: string;
  /** @default new Date() */
  date?: Date;
}

const encoder = new TextEncoder();

/**
 * Signs a request with AWS Signature Version 4 using only `crypto.subtle`, and returns the headers to send
 * with it (`authorization`, `x-amz-date`, and `x-amz-security-token` when the
 * credentials have one). Signed: `host`, those headers and the given ones. The path is URI-encoded again per
 * segment, as every service but S3 expects.
 *
 * @example
 * const headers = await signAwsRequest({ method: 'POST', url, headers: { 'content-type': 'application/json' }, body, credentials, region: 'us-east-1', service: 'bedrock' });
 */
export async function signAwsRequest(request: AwsSigningRequest): Promise<Record<string, string>> {
  const url = new URL(request.url);
  const amzDate = toAmzDate(request.date ?? new Date());
  const dateStamp = amzDate.slice(0, 8);
  const payloadHash = toHex(await sha256(request.body));
  const added: Record<string, string> = { 'x-amz-date': amzDate };
  if (request.credentials.sessionToken) added['x-amz-security-token'] = request.credentials.sessionToken;
  const signed = canonicalHeaders({ host: url.host, ...lowerCaseKeys(request.headers), ...added });
  const canonicalRequest = [
    request.method.toUpperCase(),
    canonicalPath(url.pathname),
    canonicalQuery(url.searchParams),
    signed.text,
    signed.names,
    payloadHash,
  ].join('\n');
  const scope = `${dateStamp}/${request.region}/${request.service}/aws4_request`;
  const stringToSign = ['AWS4-HMAC-SHA256', amzDate, scope, toHex(await sha256(canonicalRequest))].join('\n');
  const key = await signingKey(
    request.credentials.secretAccessKey,
    dateStamp,
    request.region,
    request.service,
  );
  const signature = toHex(await hmac(key, stringToSign));
  return {
    ...added,
    authorization: `AWS4-HMAC-SHA256 Credential=${request.credentials.accessKeyId}/${scope}, SignedHeaders=${signed.names}, Signature=${signature}`,
  };
}

/** `YYYYMMDDTHHMMSSZ`. */
function toAmzDate(date: Date): string {
  return date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

/** Each path segment (already escaped on the wire) is escaped again: `%3A` becomes `%253A`. */
export function canonicalPath(pathname: string): string {
  if (pathname === '' || pathname === '/') return '/';
  return pathname
    .split('/')
    .map((segment) => uriEncode(segment))
    .join('/');
}

function canonicalQuery(parameters: URLSearchParams): string {
  return [...parameters]
    .map(([name, value]) => [uriEncode(name), uriEncode(value)] as const)
    .sort(([left, leftValue], [right, rightValue]) =>
      left === right ? compare(leftValue, rightValue) : compare(left, right),
    )
    .map(([name, value]) => `${name}=${value}`)
    .join('&');
}

function canonicalHeaders(headers: Record<string, string>): { text: string; names: string } {
  const names = Object.keys(headers).sort(compare);
  const text = names.map((name) => `${name}:${headers[name]!.trim().replace(/\s+/g, ' ')}\n`).join('');
  return { text, names: names.join(';') };
}

function lowerCaseKeys(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
}

/** RFC 3986 encoding: everything but unreserved characters. */
function uriEncode(text: string): string {
  return encodeURIComponent(text).replace(
    /[!'()*]/g,
    (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

function compare(left: string, right: string): number {
  return left < right ? -1 : left > right ? 1 : 0;
}

async function signingKey(secret: string, dateStamp: string, region: string, service: string) {
  const dateKey = await hmac(encoder.encode(`AWS4${secret}`), dateStamp);
  const regionKey = await hmac(dateKey, region);
  const serviceKey = await hmac(regionKey, service);
  return hmac(serviceKey, 'aws4_request');
}

async function hmac(key: Uint8Array<ArrayBuffer>, data: string): Promise<Uint8Array<ArrayBuffer>> {
  const cryptoKey = await crypto.subtle.importKey('raw', key, { name: 'HMAC', hash: 'SHA-256' }, false, [
    'sign',
  ]);
  return new Uint8Array(await crypto.subtle.sign('HMAC', cryptoKey, encoder.encode(data)));
}

async function sha256(data: string): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', encoder.encode(data)));
}

function toHex(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes) text += byte.toString(16).padStart(2, '0');
  return text;
}
