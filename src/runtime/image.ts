/**
 * The interpreter image: a Pyodide memory snapshot of an interpreter that has the server
 * object imported and warmed up. `npm run build` makes it (`scripts/build-image.mjs`); every
 * run then starts on an interpreter restored from it, so that no run can see what an earlier
 * one did (DESIGN.md, "The interpreter's life").
 *
 * The snapshot options of `loadPyodide` are private API (`_makeSnapshot`, `_loadSnapshot`), so
 * the image names the exact Pyodide version and the hash of the server's sources it was made
 * with, and a restore that fails for any reason falls back to a plain boot.
 *
 * What a restored interpreter does not have: the files written to Pyodide's file system (they
 * live outside the wasm heap; `installServer` writes the server's again), and hash
 * randomisation (it is off: `str` hashes, and so set order, are the same on every run). The
 * `random` module is reseeded after each restore, or every run would draw the same numbers.
 */
import type { PyodideAPI } from 'pyodide';
import { installWheels, type WheelFile } from './installWheels.ts';
import { warmupsFor } from './packageWarmups.ts';
import { installServer, warmUp } from './pyodideSession.ts';
import { toRunJob } from './runInput.ts';
import { SERVER_SOURCES } from './pythonSources.ts';

/** The image file (gzip), served beside Pyodide's own files. */
export const IMAGE_FILE = 'wsgi-image.bin.gz';
/** The manifest that says which Pyodide and which server the image was made for. */
export const IMAGE_MANIFEST_FILE = 'wsgi-image.json';

/** What `wsgi-image.json` holds. */
export interface ImageManifest {
  format: 1;
  /** The Pyodide release the snapshot belongs to (a snapshot only restores in the same one). */
  pyodideVersion: string;
  /** See `imageKey`. */
  key: string;
  /** The size of the snapshot, uncompressed. */
  bytes: number;
}

/**
 * Standard-library modules imported into the image besides the server's own. Every run starts
 * on a new interpreter, so a module the image lacks is imported from source on every run
 * (`urllib.parse` alone takes ~150 ms in WebAssembly); these are the ones WSGI apps reach for.
 */
export const PRELOADED_MODULES = [
  'base64',
  'collections',
  'contextlib',
  'dataclasses',
  'datetime',
  'decimal',
  'email.utils',
  'enum',
  'functools',
  'gzip',
  'hashlib',
  'hmac',
  'html',
  'html.parser',
  'http',
  'http.client',
  'http.cookies',
  'inspect',
  'io',
  'itertools',
  'json',
  'logging',
  'mimetypes',
  'os',
  'pathlib',
  'random',
  're',
  'secrets',
  'string',
  'struct',
  'textwrap',
  'threading',
  'time',
  'traceback',
  'typing',
  'urllib.parse',
  'urllib.request',
  'uuid',
  'wsgiref.simple_server',
  'wsgiref.util',
  'wsgiref.validate',
  'zlib',
] as const;

/** The key of an image: sha-256 of the Pyodide version and the server's source files. */
export async function imageKey(pyodideVersion: string): Promise<string> {
  const parts = [
    pyodideVersion,
    ...PRELOADED_MODULES,
    ...SERVER_SOURCES.map(({ name, text }) => `${name}\0${text}`),
  ];
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(parts.join('\0')));
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** The key of the image of a package set, made over the server's image of `baseKey`. */
export const packageImageKey = (baseKey: string, setKey: string): string => `${baseKey}+${setKey}`;

/**
 * Import each of `modules` that imports (a package may name a module that needs an optional
 * dependency); returns the ones that failed, with why.
 */
export function importEach(pyodide: PyodideAPI, modules: readonly string[]): string[] {
  // In a namespace of its own: nothing is left in __main__'s.
  const scope = pyodide.toPy({});
  const failed: unknown = pyodide.runPython(
    `
import importlib
failed = []
for name in ${JSON.stringify(modules)}:
    try:
        importlib.import_module(name)
    except BaseException as error:
        failed.append(f"{name}: {type(error).__name__}: {error}"[:300])
chr(10).join(failed)`,
    { globals: scope },
  );
  scope.destroy();
  return typeof failed === 'string' && failed ? failed.split('\n') : [];
}

/**
 * Make the image in a Pyodide booted with `{ _makeSnapshot: true }` (such an instance is good
 * for nothing else afterwards). The key is stored inside, so a restore can check it. With
 * `packages`, their wheels are installed and their modules imported first, so that a run of an
 * app on Flask does not import Flask again (1.9 s in WebAssembly).
 */
export function makeImage(
  pyodide: PyodideAPI,
  key: string,
  packages?: { wheels: readonly WheelFile[]; imports: readonly string[] },
): Uint8Array {
  const session = installServer(pyodide);
  warmUp(session);
  pyodide.runPython(
    `import importlib\nfor name in ${JSON.stringify(PRELOADED_MODULES)}:\n    importlib.import_module(name)`,
  );
  if (packages) {
    installWheels(pyodide, packages.wheels);
    const failed = importEach(pyodide, packages.imports);
    const imported = packages.imports.filter(
      (name) => !failed.some((line) => line.startsWith(`${name}: `)),
    );
    for (const run of warmupsFor(imported)) {
      try {
        session.runJson(toRunJob(run));
      } catch {
        // a warm-up that fails only leaves the image colder
      }
    }
  }
  pyodide.runPython(`import wsgi_playground; wsgi_playground.IMAGE_KEY = ${JSON.stringify(key)}`);
  return pyodide.makeMemorySnapshot();
}

/**
 * Check that a restored interpreter is the image `key` names, and make it ready for one run:
 * reseed `random` (the snapshot froze its state). Throws when the image is another one.
 */
export function checkRestored(pyodide: PyodideAPI, key: string): void {
  const found: unknown = pyodide.runPython(
    'import random, sys\nrandom.seed()\ngetattr(sys.modules.get("wsgi_playground"), "IMAGE_KEY", None)',
  );
  if (found !== key) {
    throw new Error(
      found === undefined || found === null
        ? 'the image holds no server object'
        : 'the image was made for another version of the server object',
    );
  }
}
