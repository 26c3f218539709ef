import { describe, expect, it } from 'vitest';
import { hashName, toProviderToolName } from './mcp-tool-name.js';

const valid = /^[a-zA-Z_][a-zA-Z0-9_-]{0,63}$/;

describe('toProviderToolName', () => {
  it('keeps a name every provider accepts', () => {
    expect(toProviderToolName('get-sum')).toBe('get-sum');
    expect(toProviderToolName('read_file')).toBe('read_file');
  });

  it('replaces characters providers reject and starts the name with a letter or underscore', () => {
    expect(toProviderToolName('github.create issue')).toBe('github_create_issue');
    expect(toProviderToolName('3d-render')).toBe('_3d-render');
    expect(toProviderToolName('héllo/wörld')).toMatch(valid);
  });

  it('cuts names over 64 characters and keeps them apart with a hash of the original', () => {
    const long = `a${'x'.repeat(100)}`;
    const other = `a${'x'.repeat(99)}y`;
    const first = toProviderToolName(long);
    const second = toProviderToolName(other);
    expect(first).toHaveLength(64);
    expect(first).toMatch(valid);
    expect(first).not.toBe(second);
    expect(first.endsWith(hashName(long))).toBe(true);
  });

  it('gives a name that collides after cleaning a distinct hashed name', () => {
    const taken = new Set(['a_b']);
    const renamed = toProviderToolName('a.b', taken);
    expect(renamed).not.toBe('a_b');
    expect(renamed).toMatch(valid);
    expect(renamed).toBe(`a_b_${hashName('a.b')}`);
  });

  it('hashes the same name the same way every time', () => {
    expect(hashName('tool')).toBe(hashName('tool'));
    expect(hashName('tool')).not.toBe(hashName('tool2'));
  });
});
