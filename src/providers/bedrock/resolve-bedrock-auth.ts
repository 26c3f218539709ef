import { LoadAPIKeyError } from '../../errors/load-api-key-error.js';
import { loadEnvironmentVariable } from '../../http/load-api-key.js';
import type { AwsCredentials } from './sign-aws-request.js';

/** How Bedrock requests are authorized: a Bedrock API key (bearer) or SigV4-signed AWS credentials. */
export type BedrockAuth = { type: 'bearer'; apiKey: string } | { type: 'sigv4'; credentials: AwsCredentials };

/** The credential settings of the Bedrock provider. */
export interface BedrockAuthSettings {
  apiKey?: string | undefined;
  accessKeyId?: string | undefined;
  secretAccessKey?: string | undefined;
  sessionToken?: string | undefined;
  credentialProvider?: (() => AwsCredentials | Promise<AwsCredentials>) | undefined;
}

/**
 * Picks the auth for a request, first match wins: `apiKey`, `credentialProvider`, `accessKeyId` +
 * `secretAccessKey`, then the environment (`AWS_BEARER_TOKEN_BEDROCK`, then `AWS_ACCESS_KEY_ID` +
 * `AWS_SECRET_ACCESS_KEY` [+ `AWS_SESSION_TOKEN`]). Throws a `LoadAPIKeyError` saying how to fix it when
 * none is set. Credentials an `onAuthRefresh` returned (`refreshed`) win over all of these.
 */
export async function resolveBedrockAuth(
  settings: BedrockAuthSettings,
  refreshed?: string | AwsCredentials,
): Promise<BedrockAuth> {
  if (typeof refreshed === 'string') return { type: 'bearer', apiKey: refreshed };
  if (refreshed !== undefined) return { type: 'sigv4', credentials: refreshed };
  if (settings.apiKey !== undefined) return { type: 'bearer', apiKey: settings.apiKey };
  if (settings.credentialProvider) return { type: 'sigv4', credentials: await settings.credentialProvider() };
  if (settings.accessKeyId !== undefined && settings.secretAccessKey !== undefined) {
    return {
      type: 'sigv4',
      credentials: {
        accessKeyId: settings.accessKeyId,
        secretAccessKey: settings.secretAccessKey,
        sessionToken: settings.sessionToken,
      },
    };
  }
  const bearer = loadEnvironmentVariable('AWS_BEARER_TOKEN_BEDROCK');
  if (bearer !== undefined) return { type: 'bearer', apiKey: bearer };
  const accessKeyId = loadEnvironmentVariable('AWS_ACCESS_KEY_ID');
  const secretAccessKey = loadEnvironmentVariable('AWS_SECRET_ACCESS_KEY');
  if (accessKeyId !== undefined && secretAccessKey !== undefined) {
    const sessionToken = loadEnvironmentVariable('AWS_SESSION_TOKEN');
    return { type: 'sigv4', credentials: { accessKeyId, secretAccessKey, sessionToken } };
  }
  throw new LoadAPIKeyError({
    provider: 'Amazon Bedrock',
    environmentVariable: 'AWS_BEARER_TOKEN_BEDROCK (or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY)',
    option: 'apiKey (or accessKeyId and secretAccessKey)',
  });
}
