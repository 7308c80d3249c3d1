/**
 * Instantiate Pyodide from a WebAssembly module compiled once, instead of fetching and
 * compiling its 9.6 MB `pyodide.asm.wasm` again for every interpreter. Pyodide's
 * `createPyodideModule` option receives Emscripten's settings; this wraps the real one (the
 * default export of `pyodide.asm.mjs`) and swaps in an `instantiateWasm` that uses the module.
 */
import type { PyodideConfig } from 'pyodide';

type CreatePyodideModule = NonNullable<PyodideConfig['createPyodideModule']>;
type Settings = Parameters<CreatePyodideModule>[0] & {
  instantiateWasm?: (
    imports: { env: Record<string, unknown> },
    done: (instance: WebAssembly.Instance, module: WebAssembly.Module) => void,
  ) => object;
};

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
      WebAssembly.instantiate(module, imports as WebAssembly.Imports).then(
        (instance) => done(instance, module),
        onFailure,
      );
      return {};
    };
    return create(withModule);
  };
}
