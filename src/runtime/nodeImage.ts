/**
 * The interpreter image in Node: read the one `npm run build:cli` wrote beside the CLI, or make
 * one in this process; and restore interpreters from it, the wasm compiled once per process.
 */
import { readFile } from 'node:fs/promises';
import { loadPyodide, version, type PyodideAPI, type PyodideConfig } from 'pyodide';
import { withCompiledWasm } from './compiledWasm.ts';
import { imageKey, makeImage } from './image.ts';

/** Where the image file is looked for: beside the built CLI, or in dist-cli/ from src/. */
const IMAGE_PLACES = ['./wsgi-image.bin', '../../dist-cli/wsgi-image.bin'];

/** The image's name inside dist-cli/. */
export const NODE_IMAGE_FILE = 'wsgi-image.bin';

const quiet = { stdout: () => {}, stderr: () => {} };

/** A snapshot and the key it must carry. */
export interface NodeImage {
  bytes: Uint8Array;
  key: string;
}

/** Make a fresh image in this process (~2 s). */
export async function makeNodeImage(): Promise<NodeImage> {
  const key = await imageKey(version);
  const pyodide = await loadPyodide({ ...quiet, _makeSnapshot: true });
  return { bytes: makeImage(pyodide, key), key };
}

/**
 * The built image, when there is one made for the current key (its `.key` file says; every
 * restore checks the key stored inside as well), else null.
 */
export async function readNodeImage(): Promise<NodeImage | null> {
  const key = await imageKey(version);
  for (const place of IMAGE_PLACES) {
    try {
      if ((await readFile(new URL(`${place}.key`, import.meta.url), 'utf8')) !== key) continue;
      return { bytes: new Uint8Array(await readFile(new URL(place, import.meta.url))), key };
    } catch {
      // not there: try the next place
    }
  }
  return null;
}

let compiled: Promise<PyodideConfig['createPyodideModule']> | undefined;

/** Pyodide's module factory over a wasm module compiled once in this process. */
function moduleFactory(): Promise<PyodideConfig['createPyodideModule']> {
  compiled ??= (async () => {
    const wasm = await WebAssembly.compile(
      await readFile(new URL(import.meta.resolve('pyodide/pyodide.asm.wasm'))),
    );
    const factory = 'pyodide/pyodide.asm.mjs'; // untyped: it is Emscripten's module
    const asm = (await import(factory)) as {
      default: NonNullable<PyodideConfig['createPyodideModule']>;
    };
    return (settings) =>
      new Promise((resolve, reject) => {
        withCompiledWasm(asm.default, wasm, reject)(settings).then(resolve, reject);
      });
  })();
  return compiled;
}

/** A Pyodide restored from `bytes` (not yet checked: see `checkRestored`). */
export async function restorePyodide(bytes: Uint8Array): Promise<PyodideAPI> {
  const createPyodideModule = await moduleFactory();
  return loadPyodide({
    ...quiet,
    _loadSnapshot: bytes,
    ...(createPyodideModule ? { createPyodideModule } : {}),
  });
}

/** A plainly booted Pyodide. */
export function bootPyodide(): Promise<PyodideAPI> {
  return loadPyodide(quiet);
}
