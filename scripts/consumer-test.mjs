// The package as a new user gets it: `npm pack`, install the tarball into a temporary project, typecheck
// every TypeScript block of README.md and every example with `tsc --strict` (no DOM lib: the declarations
// must stand on fetch's own types), check that `moduleResolution: node10` finds every subpath's types, then
// run the demo with node (ESM) and load every subpath with require() (CommonJS, Node >= 20.19).
// Run after `npm run build`: node scripts/consumer-test.mjs [--keep]
import { execFileSync } from 'node:child_process';
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const root = process.cwd();
const manifest = JSON.parse(readFileSync('package.json', 'utf8'));
const work = mkdtempSync(join(tmpdir(), 'fantasy-consumer-'));
const keep = process.argv.includes('--keep');
const run = (command, args, options = {}) =>
  execFileSync(command, args, { cwd: work, stdio: ['ignore', 'inherit', 'inherit'], ...options });

try {
  step('pack and install the tarball');
  const [packed] = JSON.parse(
    execFileSync('npm', ['pack', '--json', '--silent', '--pack-destination', work], { encoding: 'utf8' }),
  );
  writeJson('package.json', {
    name: 'fantasy-ts-consumer',
    private: true,
    type: 'module',
    dependencies: { 'fantasy-ts': `file:./${packed.filename}` },
  });
  run('npm', [
    'install',
    '--prefer-offline',
    '--no-audit',
    '--no-fund',
    '--ignore-scripts',
    '--loglevel=error',
  ]);
  // What a user brings: the compiler, Node's types, zod, and the optional peers of the integration subpaths.
  for (const name of ['typescript', '@types/node', 'zod', ...Object.keys(manifest.peerDependencies ?? {})]) {
    mkdirSync(dirname(join(work, 'node_modules', name)), { recursive: true });
    symlinkSync(join(root, 'node_modules', name), join(work, 'node_modules', name), 'dir');
  }

  step('extract the README blocks and the examples');
  const blocks = [...readFileSync('README.md', 'utf8').matchAll(/^```ts\n([\s\S]*?)^```/gm)].map(
    (match) => match[1],
  );
  for (const [index, code] of blocks.entries())
    write(`readme/block-${String(index + 1).padStart(2, '0')}.ts`, code);
  // The runnable scripts at the top of examples/; an example app in a folder of its own (chat-web) has its own
  // package.json and build.
  for (const entry of readdirSync('examples', { withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = entry.name;
    const text = readFileSync(join('examples', file), 'utf8');
    write(`examples/${file}`, file.endsWith('.ts') ? importByName(text) : text);
  }
  cpSync('test/fixtures', join(work, 'out/test/fixtures'), { recursive: true });

  step(`tsc --strict over ${blocks.length} README blocks and the examples (lib ES2023, no DOM)`);
  writeJson('tsconfig.json', {
    compilerOptions: {
      strict: true,
      target: 'ES2022',
      lib: ['ES2023'],
      module: 'NodeNext',
      moduleResolution: 'NodeNext',
      types: ['node'],
      outDir: 'out',
      rootDir: '.',
      resolveJsonModule: true,
    },
    include: ['readme', 'examples'],
  });
  typecheck('tsconfig.json');

  step('moduleResolution node10 finds every subpath');
  const subpaths = Object.keys(manifest.exports).filter((key) => key !== './package.json');
  write(
    'node10/imports.ts',
    subpaths
      .map(
        (key, index) =>
          `import type * as entry${index} from '${specifierOf(key)}';\nexport type { entry${index} };\n`,
      )
      .join(''),
  );
  writeJson('tsconfig.node10.json', {
    compilerOptions: {
      strict: true,
      esModuleInterop: true,
      module: 'CommonJS',
      moduleResolution: 'node10',
      target: 'ES2022',
      lib: ['ES2023'],
      types: ['node'],
      noEmit: true,
    },
    include: ['node10'],
  });
  typecheck('tsconfig.node10.json');

  step('node (ESM): the demo replays its sessions');
  const environment = { ...process.env };
  delete environment.XAI_API_KEY;
  const demo = execFileSync('node', ['out/examples/demo.js'], {
    cwd: work,
    encoding: 'utf8',
    env: environment,
  });
  if (!demo.includes('finish reason')) throw new Error(`the demo did not finish:\n${demo}`);
  console.log(demo.trim().split('\n').slice(-3).join('\n'));

  step('require (CommonJS): every subpath loads, and a mock agent run gives its text');
  write(
    'require-check.cjs',
    `const assert = require('node:assert');
${subpaths.map((key) => `assert.ok(Object.keys(require('${specifierOf(key)}')).length > 0, '${specifierOf(key)}');`).join('\n')}
const { createAgent } = require('fantasy-ts');
const { MockLanguageModel } = require('fantasy-ts/testing');
const model = new MockLanguageModel({ generate: { content: [{ type: 'text', text: 'Hello ' }, { type: 'text', text: 'world' }] } });
createAgent(model).generate({ prompt: 'Hi' }).then((result) => {
  assert.strictEqual(result.text, 'Hello world');
  console.log('require: ${subpaths.length} subpaths loaded; agent text', JSON.stringify(result.text));
});
`,
  );
  run('node', ['require-check.cjs']);
  console.log('\nconsumer test passed');
} finally {
  if (keep) console.log(`kept ${work}`);
  else rmSync(work, { recursive: true, force: true });
}

/** `../src/providers/openai/index.js` → `fantasy-ts/openai`, from the exports map; other imports unchanged. */
function importByName(text) {
  const bySource = new Map();
  for (const [key, target] of Object.entries(manifest.exports)) {
    if (typeof target !== 'object') continue;
    bySource.set(target.node.replace(/^\.\/dist\//, '../src/'), specifierOf(key));
  }
  return text.replace(/from '(\.\.\/src\/[^']+)'/g, (_whole, source) => {
    const name = bySource.get(source);
    if (name === undefined) throw new Error(`examples import ${source}, which is not a public entry point`);
    return `from '${name}'`;
  });
}

/**
 * Runs tsc with lib checking on: our declarations, the README and the examples must be clean. Errors inside
 * other packages' declarations (an optional peer that assumes the DOM lib) are listed, not fatal.
 */
function typecheck(project) {
  let output = '';
  try {
    execFileSync('node', ['node_modules/typescript/bin/tsc', '-p', project], { cwd: work, encoding: 'utf8' });
    return;
  } catch (error) {
    output = `${error.stdout ?? ''}${error.stderr ?? ''}`;
  }
  const lines = output.split('\n').filter((line) => /error TS\d+/.test(line));
  const ours = lines.filter(
    (line) => !/node_modules\//.test(line) || line.includes('node_modules/fantasy-ts/'),
  );
  for (const line of lines.filter((line) => !ours.includes(line))) console.log(`(not ours) ${line}`);
  if (ours.length > 0 || lines.length === 0)
    throw new Error(`tsc -p ${project} failed:\n${ours.join('\n') || output}`);
}

function specifierOf(key) {
  return key === '.' ? manifest.name : `${manifest.name}/${key.slice(2)}`;
}

function write(path, text) {
  mkdirSync(dirname(join(work, path)), { recursive: true });
  writeFileSync(join(work, path), text);
}

function writeJson(path, value) {
  write(path, `${JSON.stringify(value, null, 2)}\n`);
}

function step(title) {
  console.log(`\n== consumer: ${title}`);
}
