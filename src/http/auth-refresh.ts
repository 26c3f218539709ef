import type { APICallError } from '../errors/api-call-error.js';
import type { SignRequest } from './fetch-within-origin.js';

/**
 * A provider's `onAuthRefresh` option: called once when a request's credentials are refused (a 401, see
 * `APICallError.isAuthError`), before the request is sent once more. Resolve to the new key or token, or to
 * nothing to have the provider load its credentials again (call `getAccessToken` or `credentialProvider`
 * again, read the environment again). Throwing gives up: the caller gets the original error.
 *
 * @example
 * createAnthropic({ onAuthRefresh: async () => (await vault.read('anthropic')).key });
 */
export type OnAuthRefresh<Credential = string> = (context: {
  error: APICallError;
}) => RefreshResult<Credential> | Promise<RefreshResult<Credential>>;

/** The new credential, or nothing (`undefined`, or a hook that returns nothing) to load it again. */
// biome-ignore lint/suspicious/noConfusingVoidType: a hook written `() => {}` returns void and means "load the credentials again".
type RefreshResult<Credential> = Credential | undefined | void;

/** What a request is sent with after a refresh. */
export interface RefreshedAuth {
  headers: Record<string, string>;
  signRequest?: SignRequest | undefined;
}

/** New credentials for one more attempt, or undefined to give up. */
export type RefreshAuth = (error: APICallError) => Promise<RefreshedAuth | undefined>;

/** A credential an `onAuthRefresh` hook may replace; the latest one wins for every later request too. */
export interface RefreshableCredential<Credential> {
  /** The credential the hook last returned; undefined before any refresh (or when it returned nothing). */
  readonly current: Credential | undefined;
  /** Runs the hook; undefined when the provider has none. */
  readonly refresh: ((error: APICallError) => Promise<void>) | undefined;
}

/**
 * Holds what a provider's `onAuthRefresh` returns, for the provider's header builder to prefer over the
 * configured credential.
 */
export function createRefreshableCredential<Credential>(
  onAuthRefresh: OnAuthRefresh<Credential> | undefined,
): RefreshableCredential<Credential> {
  let current: Credential | undefined;
  return {
    get current() {
      return current;
    },
    refresh:
      onAuthRefresh === undefined
        ? undefined
        : async (error) => {
            const next = await onAuthRefresh({ error });
            if (next !== undefined && next !== null) current = next as Credential;
          },
  };
}

/**
 * The `refreshAuth` of a request: runs the provider's refresh, then rebuilds the request's credentials.
 * Undefined when the provider has no refresh.
 */
export function refreshWith(
  refresh: ((error: APICallError) => Promise<void>) | undefined,
  rebuild: () => RefreshedAuth | Promise<RefreshedAuth>,
): RefreshAuth | undefined {
  if (refresh === undefined) return undefined;
  return async (error) => {
    await refresh(error);
    return rebuild();
  };
}
