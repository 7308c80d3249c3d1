/**
 * The request and the run in other tools' terms: curl (both ways), HTTPie, a standalone Python
 * script, a pytest test and a HAR entry. A public entry of its own (see `src/index.ts`): the
 * page loads it with the request builder and the share panel, after its shell has painted.
 */
export * from './curl.ts';
export { toHttpie, type ToHttpieOptions } from './exportHttpie.ts';
export { serverSoftwareOf, toPythonScript, type PythonScriptInput } from './exportPython.ts';
export { pytestUnavailable, toPytest } from './exportPytest.ts';
export { toHar, type HarEntry, type HarLog, type HarOptions } from './exportHar.ts';
