/**
 * The server object's Python test suite, run inside Pyodide (CPython in WebAssembly), the
 * interpreter the playground really uses. `npm run test:python` runs the same suite on CPython.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createPyodideSession } from '../runtime/nodeEngine.ts';
import type { PyodideSession } from '../runtime/pyodideSession.ts';

let session: PyodideSession;
beforeAll(async () => {
  session = await createPyodideSession();
});

function copyTree(from: string, to: string): void {
  const { FS } = session.pyodide;
  FS.mkdirTree(to);
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    if (entry.name === '__pycache__') continue;
    if (entry.isDirectory()) copyTree(join(from, entry.name), `${to}/${entry.name}`);
    else FS.writeFile(`${to}/${entry.name}`, readFileSync(join(from, entry.name)));
  }
}

describe('the Python suite inside Pyodide', () => {
  it('passes every test', () => {
    copyTree(join(import.meta.dirname, 'tests'), '/home/pyodide/wsgi_server/tests');
    const summary = session.pyodide.runPython(`
import io, json, unittest
loader = unittest.TestLoader()
suite = loader.discover("/home/pyodide/wsgi_server/tests", top_level_dir="/home/pyodide/wsgi_server")
stream = io.StringIO()
result = unittest.TextTestRunner(stream=stream, verbosity=1).run(suite)
json.dumps({"run": result.testsRun, "failures": len(result.failures), "errors": len(result.errors),
            "output": stream.getvalue()[-4000:]})
`) as string;
    const { run, failures, errors, output } = JSON.parse(summary) as {
      run: number;
      failures: number;
      errors: number;
      output: string;
    };
    expect(run, output).toBeGreaterThan(30);
    expect({ failures, errors }, output).toEqual({ failures: 0, errors: 0 });
  });

  it('runs Python 3.14 or newer (the version the playground ships)', () => {
    const version = session.pyodide.runPython('import sys; list(sys.version_info[:2])');
    expect(version.toJs()).toEqual(expect.arrayContaining([3]));
    expect(version.toJs()[1]).toBeGreaterThanOrEqual(14);
  });
});
