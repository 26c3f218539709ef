import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { type CaseReport, type CaseSettings, formatRatio, type ResultRow } from '../support/report.js';
import { benchRoot, repositoryRoot } from './cold-import.js';

const schema = `{ type: 'object', properties: { name: { type: 'string' }, age: { type: 'number' } }, required: ['name', 'age'] }`;

/**
 * The fantasy-ts program: stream an object through the OpenAI-compatible provider. `from` names the modules;
 * the published entry points by default (the smoke test passes the sources).
 */
export function fantasyProgram(
  from = { root: 'fantasy-ts', openaicompat: 'fantasy-ts/openaicompat' },
): string {
  return `
import { jsonSchema, streamObject } from '${from.root}';
import { createOpenAICompatible } from '${from.openaicompat}';
const model = createOpenAICompatible({ baseURL: 'https://api.example.com/v1', apiKey: 'key' }).languageModel('model');
const result = await streamObject({ model, schema: jsonSchema(${schema}), prompt: 'Invent a person.' });
for await (const partial of result.partialObjectStream) console.log(partial);
console.log((await result.object).object);`;
}

/** The same program with the AI SDK. */
export const aiProgram = `
import { jsonSchema, Output, streamText } from 'ai';
import { createOpenAICompatible } from '@ai-sdk/openai-compatible';
const model = createOpenAICompatible({ name: 'example', baseURL: 'https://api.example.com/v1', apiKey: 'key' })('model');
const result = streamText({ model, output: Output.object({ schema: jsonSchema(${schema}) }), prompt: 'Invent a person.' });
for await (const partial of result.partialOutputStream) console.log(partial);
console.log(await result.output);`;

/**
 * Bundles a program with esbuild (ESM, browser platform, minified), resolving its imports from `resolveDir`;
 * returns its minified and gzipped sizes.
 */
export async function measureBundle(
  contents: string,
  resolveDir = repositoryRoot,
): Promise<{ minified: number; gzipped: number }> {
  const output = await build({
    stdin: { contents, resolveDir, loader: 'ts', sourcefile: 'program.ts' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    logLevel: 'silent',
  });
  const code = output.outputFiles[0]!.contents;
  return { minified: code.length, gzipped: gzipSync(code).length };
}

/** Case 6: bundle size of the same program with each SDK (fantasy-ts from `dist/`, built by case 5). */
export async function runBundleSizeCase(settings: CaseSettings): Promise<CaseReport> {
  settings.log('case 6: esbuild');
  const fantasy = await measureBundle(fantasyProgram());
  const ai = await measureBundle(aiProgram, benchRoot);
  const kilobytes = (bytes: number) => bytes / 1024;
  const rows: ResultRow[] = [
    {
      subject: 'fantasy-ts streamObject + openaicompat',
      value: kilobytes(fantasy.gzipped),
      unit: 'KB gzip',
      runs: 1,
      note: `${kilobytes(fantasy.minified).toFixed(1)} KB minified, ${formatRatio(fantasy.gzipped / ai.gzipped)} ai`,
    },
    {
      subject: 'ai streamText + Output.object + openai-compatible',
      value: kilobytes(ai.gzipped),
      unit: 'KB gzip',
      runs: 1,
      note: `${kilobytes(ai.minified).toFixed(1)} KB minified`,
    },
  ];
  return {
    id: '6',
    title: 'Bundle size: esbuild --bundle --minify --format=esm --platform=browser, gzipped',
    rows,
    notes: [
      'both programs pass a plain JSON Schema (no zod); fantasy-ts is bundled from dist/ through its exports map',
    ],
    checks: [
      {
        target: 'bundle ≤ 1/4 of ai',
        actual: `${formatRatio(fantasy.gzipped / ai.gzipped)} ai`,
        met: fantasy.gzipped <= ai.gzipped / 4,
      },
    ],
  };
}
