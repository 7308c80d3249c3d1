/**
 * Instantiate Pyodide from a WebAssembly module compiled once, instead of fetching and
 * compiling its 9.6 MB `pyodide.asm.wasm` again for every interpreter. Pyodide's
 * `createPyodideModule` option receives Emscripten's settings; this wraps the real one (the
 * default export of `pyodide.asm.mjs`) and swaps in an `instantiateWasm` that uses the module.
 */
import type { PyodideConfig } from 'pyodide';

type CreatePyodideModule = NonNullable<PyodideConfig['createPyodideModule']>;
type Settings = Parameters<CreatePyodideModule>[0] & {
  /** Set by Pyodide to a snapshot's size when it restores one. */
  INITIAL_MEMORY?: number;
  instantiateWasm?: (
    imports: { env: Record<string, unknown> },
    done: (instance: WebAssembly.Instance, module: WebAssembly.Module) => void,
  ) => object;
};

/** The bytes in a WebAssembly page. */
const PAGE = 65_536;

/**
 * Grow the instance's memory to hold a snapshot of `bytes`. Pyodide asks for it (it sets
 * INITIAL_MEMORY) but its module starts at a fixed 30 MB and copies the snapshot in without
 * growing, so an image with packages imported (~38 MB with Flask) would not fit.
 */
function growForSnapshot(instance: WebAssembly.Instance, bytes: number): void {
  const memory = instance.exports.memory;
  if (!(memory instanceof WebAssembly.Memory)) return;
  const missing = bytes - memory.buffer.byteLength;
  if (missing > 0) memory.grow(Math.ceil(missing / PAGE));
}

/**
 * `createPyodideModule` that instantiates `module` rather than fetching the wasm file.
 * Emscripten waits forever when `instantiateWasm` fails, so a failure goes to `onFailure`.
 */
export function withCompiledWasm(
  create: CreatePyodideModule,
  module: WebAssembly.Module,
  onFailure: (error: unknown) => void,
): CreatePyodideModule {
  return (settings) => {
    const withModule = settings as Settings;
    withModule.instantiateWasm = (imports, done) => {
      // Pyodide's error-marker imports, in the pure-JavaScript form it uses where its tiny
      // helper module cannot be compiled: a marker value and a check for it.
      const marker = Symbol('JsvError');
      imports.env.Jsv_GetError_import = () => marker;
      imports.env.JsvError_Check = (value: unknown) => value === marker;
      WebAssembly.instantiate(module, imports as WebAssembly.Imports).then((instance) => {
        growForSnapshot(instance, withModule.INITIAL_MEMORY ?? 0);
        done(instance, module);
      }, onFailure);
      return {};
    };
    return create(withModule);
  };
}
