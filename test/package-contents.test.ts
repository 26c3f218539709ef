import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as {
  exports: Record<string, string | { types: string; node: string; import: string; default: string }>;
  typesVersions: { '*': Record<string, string[]> };
  files: string[];
  repository: { url: string };
  homepage: string;
  bugs: { url: string };
  keywords: string[];
};

describe('the published package', () => {
  it('gives every subpath types, the bundled node layout, then the per-module import and default', () => {
    for (const [subpath, target] of Object.entries(manifest.exports)) {
      if (subpath === './package.json') continue;
      expect(typeof target, subpath).toBe('object');
      const entry = target as { types: string; node: string; import: string; default: string };
      expect(Object.keys(entry), subpath).toEqual(['types', 'node', 'import', 'default']);
      expect(entry.default, subpath).toBe(entry.import);
      expect(entry.import, subpath).toBe(entry.node.replace('./dist/', './dist/modules/'));
    }
  });

  it('maps every subpath in typesVersions, so moduleResolution node10 finds its types', () => {
    for (const [subpath, target] of Object.entries(manifest.exports)) {
      if (subpath === '.' || subpath === './package.json' || typeof target === 'string') continue;
      expect(manifest.typesVersions['*'][subpath.slice(2)], subpath).toEqual([target.types]);
    }
  });

  it('ships a license and says where it lives', () => {
    expect(manifest.files).toContain('LICENSE');
    expect(readFileSync('LICENSE', 'utf8')).toMatch(/^MIT License[\s\S]*fantasy-ts contributors/);
    expect(manifest.repository.url).toMatch(/^git\+https:\/\/github\.com\//);
    expect(manifest.homepage).toMatch(/^https:\/\//);
    expect(manifest.bugs.url).toMatch(/\/issues$/);
    expect(manifest.keywords.length).toBeGreaterThan(3);
  });

  it('builds without source maps, which would point at the unshipped src/', () => {
    expect(readFileSync('scripts/build.mjs', 'utf8')).toMatch(/sourcemap: false/);
    expect(JSON.parse(readFileSync('tsconfig.build.json', 'utf8')).compilerOptions.declarationMap).toBe(
      false,
    );
  });

  it('runs the package checks and the consumer test in CI after the build', () => {
    const ci = readFileSync('.ci/run', 'utf8');
    expect(ci.indexOf('npm run check:package')).toBeGreaterThan(ci.indexOf('npm run build'));
    expect(ci).toContain('npm run test:consumer');
    expect(existsSync('scripts/consumer-test.mjs')).toBe(true);
  });

  it('has no JSDoc example that calls another SDK', () => {
    const sources = readFileSync('src/testing/cassette/create-cassette-fetch.ts', 'utf8');
    expect(sources).not.toMatch(/generateText|streamText|from 'ai'/);
  });
});
