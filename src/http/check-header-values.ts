import { InvalidArgumentError } from '../errors/invalid-argument-error.js';
import { isCredentialHeader } from './credential-names.js';

/** An HTTP header name (RFC 9110 token). */
const headerName = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/** The first character of `value` a credential must not hold, described; undefined when there is none. */
function forbiddenInCredential(value: string): { position: number; what: string } | undefined {
  for (let index = 0; index < value.length; index++) {
    const code = value.charCodeAt(index);
    if (code === 0x0a || code === 0x0d) return { position: index, what: 'a line break' };
    if (code === 0) return { position: index, what: 'a NUL character' };
    if (code < 0x20 || code === 0x7f) return { position: index, what: 'a control character' };
    if (code > 0xff) return { position: index, what: 'a character HTTP headers cannot carry' };
  }
  return undefined;
}

/**
 * Rejects a credential that cannot be sent as it is (a line break from a wrapped paste, a NUL, a control
 * character, a character beyond Latin-1) with an `InvalidArgumentError` that gives the position, never the
 * value. `what` names it: `the API key for Anthropic`.
 *
 * @example
 * checkCredential({ value: apiKey, what: 'the API key for OpenAI', argument: 'apiKey' });
 */
export function checkCredential(options: { value: string; what: string; argument: string }): void {
  const found = forbiddenInCredential(options.value);
  if (found === undefined) return;
  throw new InvalidArgumentError({
    argument: options.argument,
    message: `${options.what} contains ${found.what} at position ${found.position} (the value is not shown); remove it`,
  });
}

/** `Bearer …`, `Basic …`, `AWS4-HMAC-SHA256 …`: the scheme in front of a credential. */
const authScheme = /^[A-Za-z0-9-]+ /;

/**
 * Checks every header before a request is sent: names must be HTTP tokens; a credential header's value is
 * checked as a credential (position counted after its scheme, e.g. `Bearer `); any other value must not hold
 * what `fetch` rejects (line breaks, NUL, characters beyond Latin-1). Nothing of a value is ever shown.
 */
export function checkHeaderValues(headers: Record<string, string>): void {
  for (const [name, value] of Object.entries(headers)) {
    if (!headerName.test(name)) {
      throw new InvalidArgumentError({
        argument: 'headers',
        message: `${JSON.stringify(name)} is not a valid HTTP header name`,
      });
    }
    if (isCredentialHeader(name)) {
      const scheme = authScheme.exec(value)?.[0] ?? '';
      const where = scheme === '' ? '' : ` (after "${scheme.trim()}")`;
      checkCredential({
        value: value.slice(scheme.length),
        what: `the credential in header ${name}${where}`,
        argument: `headers.${name}`,
      });
    } else {
      checkPlainValue(name, value);
    }
  }
}

function checkPlainValue(name: string, value: string): void {
  const trimmed = value.replace(/^[\t\n\r ]+|[\t\n\r ]+$/g, '');
  const found = forbiddenInCredential(trimmed);
  if (found === undefined || found.what === 'a control character') return;
  throw new InvalidArgumentError({
    argument: `headers.${name}`,
    message: `the value of header ${name} contains ${found.what} at position ${found.position}; remove it`,
  });
}
