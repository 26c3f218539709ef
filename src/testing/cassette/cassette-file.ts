import type { Cassette } from './cassette.js';
import { parseCassette } from './parse-cassette.js';
import { stringifyCassette } from './stringify-cassette.js';

// The only module of the cassette feature that touches the file system; the rest is web-standard.

/**
 * The part of `node:fs/promises` used here, typed locally: the package builds without Node's types (so
 * nothing else can use Node APIs by accident), and the module is loaded only when a cassette is read or
 * written, so passthrough works on any runtime.
 */
interface FileSystem {
  readFile(path: string, encoding: 'utf8'): Promise<string>;
  writeFile(path: string, data: string, encoding: 'utf8'): Promise<void>;
  mkdir(path: string, options: { recursive: true }): Promise<unknown>;
}

const fileSystemModule = 'node:fs/promises';

/** Reads and parses a cassette file; undefined when the file does not exist. */
export async function readCassetteFile(path: string): Promise<Cassette | undefined> {
  const fileSystem = await loadFileSystem();
  let text: string;
  try {
    text = await fileSystem.readFile(path, 'utf8');
  } catch (error) {
    if ((error as { code?: unknown } | null)?.code === 'ENOENT') return undefined;
    throw error;
  }
  return parseCassette(text, { path });
}

/** Writes a whole cassette file, replacing any previous content and creating missing folders. */
export async function writeCassetteFile(path: string, cassette: Cassette): Promise<void> {
  const fileSystem = await loadFileSystem();
  const folder = path.slice(0, Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')));
  if (folder !== '') await fileSystem.mkdir(folder, { recursive: true });
  await fileSystem.writeFile(path, stringifyCassette(cassette), 'utf8');
}

async function loadFileSystem(): Promise<FileSystem> {
  return (await import(fileSystemModule)) as FileSystem;
}
