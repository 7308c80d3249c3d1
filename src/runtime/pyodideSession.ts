import type { PyodideAPI } from 'pyodide';
import type { PausePlan } from './livePause.ts';
import { SERVER_SOURCES } from './pythonSources.ts';
import { toRunJob, type RunJob } from './runInput.ts';

/** Where the server package is written inside Pyodide's file system. */
const PACKAGE_ROOT = '/home/pyodide/wsgi_server';

/**
 * How a live run is held: where (`plan`), and `wait`, which is given the Trace so far (JSON
 * text, packed like a result) and blocks until it returns the command's code (PAUSE_CODES).
 */
export interface LivePauseHooks {
  plan: PausePlan;
  wait: (traceJson: string) => number;
}

/** A booted Pyodide with the server object installed: run jobs, get Trace JSON text. */
export interface PyodideSession {
  /** Run one job; returns the Trace as JSON text, events packed (read it with traceFromJson).
   * With `pause`, the run is held at the events its plan names. */
  runJson(job: RunJob, pause?: LivePauseHooks): string;
  /** The wire bytes (base64) plain wsgiref writes for the same job, for fidelity checks. */
  referenceWire(job: RunJob): string;
  /** The Python side's default settings, as JSON text. */
  defaultSettingsJson(): string;
  /** The Pyodide instance, for hosts that need more (interrupts, tests). */
  readonly pyodide: PyodideAPI;
}

/**
 * Install the server object into a booted Pyodide and return a session over it.
 *
 * In an interpreter restored from the image (see `image.ts`) the package is already imported;
 * its files are written again all the same, since a memory snapshot holds the heap but not the
 * file system (tracebacks through server frames and lazy imports read them).
 */
export function installServer(pyodide: PyodideAPI): PyodideSession {
  const dir = `${PACKAGE_ROOT}/wsgi_playground`;
  pyodide.FS.mkdirTree(dir);
  for (const { name, text } of SERVER_SOURCES) pyodide.FS.writeFile(`${dir}/${name}`, text);
  pyodide.runPython(`
import sys
if ${JSON.stringify(PACKAGE_ROOT)} not in sys.path:
    sys.path.insert(0, ${JSON.stringify(PACKAGE_ROOT)})
import wsgi_playground.bridge
`);
  const bridge = pyodide.pyimport('wsgi_playground.bridge');
  const call = (name: string, arg?: string): string => {
    const result: unknown = arg === undefined ? bridge[name]() : bridge[name](arg);
    if (typeof result !== 'string') throw new Error(`bridge.${name} returned a non-string`);
    return result;
  };
  return {
    pyodide,
    runJson: (job, pause) => {
      if (!pause) return call('run_json', JSON.stringify(job));
      const result: unknown = bridge.run_json(
        JSON.stringify(job),
        JSON.stringify(pause.plan),
        pause.wait,
      );
      if (typeof result !== 'string') throw new Error('bridge.run_json returned a non-string');
      return result;
    },
    referenceWire: (job) => call('reference_json', JSON.stringify(job)),
    defaultSettingsJson: () => call('default_settings_json'),
  };
}

const WARMUP_APP = 'def application(e, s):\n    s("200 OK", [])\n    return [b""]\n';

/**
 * One throwaway run of a trivial app of ours (with `validate`, under wsgiref.validate too), so
 * that wsgiref and the rest of what a run imports are loaded before the person's first run, or
 * before the image is made; in a restored interpreter, so that the worker's JavaScript side of
 * a run (Pyodide's call and string conversions, compiled lazily in each new worker) is warm.
 * It runs no user code, and it is the same run every time, so every interpreter a person's run
 * gets is in the same state.
 */
export function warmUp(session: PyodideSession, validate = true): void {
  session.runJson(
    toRunJob({
      code: WARMUP_APP,
      request: { method: 'GET', target: '/', headers: [], bodyBase64: '' },
      settings: { compareValidate: validate },
    }),
  );
}
