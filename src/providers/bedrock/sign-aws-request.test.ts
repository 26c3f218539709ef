import { describe, expect, it } from 'vitest';
import { canonicalPath, signAwsRequest } from './sign-aws-request.js';

describe('signAwsRequest', () => {
  it('reproduces the AWS SigV4 test suite’s get-vanilla signature', async () => {
    const headers = await signAwsRequest({
      method: 'GET',
      url: 'https://example.amazonaws.com/',
      headers: {},
      body: '',
      credentials: {
        accessKeyId: 'AKIDEXAMPLE',
        secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
      },
      region: 'us-east-1',
      service: 'service',
      date: new Date('2015-08-30T12:36:00Z'),
    });
    expect(headers).toEqual({
      'x-amz-date': '20150830T123600Z',
      authorization:
        'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31',
    });
  });

  it('reproduces the S3 documentation’s GET Object example, signed headers included', async () => {
    const headers = await signAwsRequest({
      method: 'GET',
      url: 'https://examplebucket.s3.amazonaws.com/test.txt',
      headers: {
        Range: 'bytes=0-9',
        'x-amz-content-sha256': 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
      },
      body: '',
      credentials: {
        accessKeyId: 'EXAMPLEACCESSKEYID',
        secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
      },
      region: 'us-east-1',
      service: 's3',
      date: new Date('2013-05-24T00:00:00Z'),
    });
    expect(headers.authorization).toBe(
      'AWS4-HMAC-SHA256 Credential=EXAMPLEACCESSKEYID/20130524/us-east-1/s3/aws4_request, SignedHeaders=host;range;x-amz-content-sha256;x-amz-date, Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41',
    );
  });

  it('signs and returns the session token of temporary credentials', async () => {
    const headers = await signAwsRequest({
      method: 'POST',
      url: 'https://bedrock-runtime.us-east-1.amazonaws.com/model/m/invoke',
      headers: { 'content-type': 'application/json' },
      body: '{}',
      credentials: { accessKeyId: 'AKID', secretAccessKey: 'secret', sessionToken: 'token' },
      region: 'us-east-1',
      service: 'bedrock',
      date: new Date('2025-01-01T00:00:00Z'),
    });
    expect(headers['x-amz-security-token']).toBe('token');
    expect(headers.authorization).toContain(
      'SignedHeaders=content-type;host;x-amz-date;x-amz-security-token,',
    );
  });

  it('escapes each path segment again, as services other than S3 expect', () => {
    expect(canonicalPath('/model/us.anthropic.claude-haiku-4-5-20251001-v1%3A0/invoke')).toBe(
      '/model/us.anthropic.claude-haiku-4-5-20251001-v1%253A0/invoke',
    );
    expect(canonicalPath('/')).toBe('/');
  });
});
