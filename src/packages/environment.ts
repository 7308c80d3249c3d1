/** The PEP 508 marker environment: the facts about the interpreter a marker may ask about. */

/** The variables a marker may name, with the values of one interpreter. */
export interface MarkerEnvironment {
  readonly python_version: string;
  readonly python_full_version: string;
  readonly implementation_name: string;
  readonly implementation_version: string;
  readonly platform_python_implementation: string;
  readonly sys_platform: string;
  readonly platform_system: string;
  readonly os_name: string;
  readonly platform_machine: string;
  readonly platform_release: string;
  readonly platform_version: string;
  /** The extra being installed (`flask[async]` → `async`); '' or absent for none. */
  readonly extra?: string;
}

/** The marker variables, `extra` included. */
export type MarkerVariable = keyof MarkerEnvironment;

/** The Pyodide release the playground runs (node_modules/pyodide's version). */
export const PYODIDE_VERSION = '314.0.7';

/** Pyodide 314.0.7: CPython 3.14.2 compiled to wasm32 with Emscripten. */
export const PYODIDE_ENVIRONMENT: MarkerEnvironment = {
  python_version: '3.14',
  python_full_version: '3.14.2',
  implementation_name: 'cpython',
  implementation_version: '3.14.2',
  platform_python_implementation: 'CPython',
  sys_platform: 'emscripten',
  platform_system: 'Emscripten',
  os_name: 'posix',
  platform_machine: 'wasm32',
  platform_release: '',
  platform_version: '',
};

/** Every variable name a marker may use. */
export const MARKER_VARIABLES: ReadonlySet<string> = new Set<MarkerVariable>([
  ...(Object.keys(PYODIDE_ENVIRONMENT) as MarkerVariable[]),
  'extra',
]);

/** Variables compared as PEP 440 versions when the other side reads as one (packaging's set). */
export const VERSION_VARIABLES: ReadonlySet<string> = new Set<MarkerVariable>([
  'python_version',
  'python_full_version',
  'implementation_version',
  'platform_release',
]);
