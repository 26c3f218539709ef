/** This package's version; feeds the default User-Agent. */
export const VERSION = '0.1.0';

/** The User-Agent sent when neither the provider nor the call sets one. */
export const DEFAULT_USER_AGENT = `fantasy-ts/${VERSION} (https://charm.land/fantasy)`;
