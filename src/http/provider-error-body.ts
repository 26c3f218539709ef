/** What a provider said in an error body. */
export interface ProviderErrorBody {
  message: string;
  /** The provider's error type or code, e.g. `invalid_request_error`. */
  type?: string;
}

/** Reads a provider error body; returns undefined when the text is not one this provider sends. */
export type ParseErrorBody = (text: string) => ProviderErrorBody | undefined;

/**
 * Reads the error shapes most providers share: `{error:{message,type,code}}` (OpenAI and compatibles),
 * `{type:'error', error:{type,message}}` (Anthropic), `{error:{code,message,status}}` (Google),
 * `{message}` and `{error:"text"}`.
 */
export const parseCommonErrorBody: ParseErrorBody = (text) => {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (Array.isArray(body)) body = body[0];
  if (typeof body !== 'object' || body === null) return undefined;
  const record = body as Record<string, unknown>;
  const error = record.error;
  if (typeof error === 'string') return { message: error };
  if (typeof error === 'object' && error !== null) {
    const detail = error as Record<string, unknown>;
    const message = typeof detail.message === 'string' ? detail.message : JSON.stringify(detail);
    const type = firstString(detail.type, detail.code, detail.status);
    return type === undefined ? { message } : { message, type };
  }
  if (typeof record.message === 'string') return { message: record.message };
  return undefined;
};

function firstString(...values: unknown[]): string | undefined {
  for (const value of values) {
    if (typeof value === 'string' && value !== '') return value;
    if (typeof value === 'number') return String(value);
  }
  return undefined;
}
