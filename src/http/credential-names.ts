/** Headers that carry credentials in the providers fantasy-ts speaks to, and in the gateways in front of them. */
export const credentialHeaders: readonly string[] = [
  'authorization',
  'proxy-authorization',
  'x-api-key',
  'api-key',
  'x-goog-api-key',
  'ocp-apim-subscription-key',
  'x-functions-key',
  'x-auth-token',
  'x-access-token',
  'cookie',
  'set-cookie',
  // AWS SigV4 sends its signature in `authorization`; the session token is a credential too.
  'x-amz-security-token',
];

/** Query parameters that carry credentials (Google `key`, Azure `code` and `sig`, presigned AWS URLs, OAuth). */
export const credentialQueryParameters: readonly string[] = [
  'key',
  'api_key',
  'apikey',
  'api-key',
  'access_token',
  'refresh_token',
  'id_token',
  'token',
  'auth',
  'code',
  'sig',
  'signature',
  'secret',
  'client_secret',
  'password',
  'subscription-key',
  'x-amz-signature',
  'x-amz-credential',
  'x-amz-security-token',
];

/** Header names that look like they carry a secret even when no list names them (`x-my-api-key`, `x-token`). */
const credentialLikeName =
  /(?:^|[-_])(?:key|token|secret|signature|password|passwd|credentials?|cookie|auth|authorization)(?:$|[-_])|api-?key/i;

/** True for a header whose value is a credential: a listed name, or one that looks like it. */
export function isCredentialHeader(name: string): boolean {
  const lower = name.toLowerCase();
  return credentialHeaders.includes(lower) || credentialLikeName.test(lower);
}
