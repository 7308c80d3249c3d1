/// <reference lib="webworker" />
/**
 * The Python worker: boots Pyodide once, installs the server object, then runs jobs.
 * It imports almost nothing; the page validates everything it posts.
 */
import { loadPyodide } from 'pyodide';
import { installServer, type PyodideSession } from './pyodideSession.ts';
import type { FromWorker, ToWorker } from './workerProtocol.ts';
import { DEFAULT_SETTINGS } from './runInput.ts';

declare const self: DedicatedWorkerGlobalScope;

let session: PyodideSession | null = null;
const started = performance.now();
const post = (message: FromWorker): void => self.postMessage(message);
const since = (): number => Math.round(performance.now() - started);

async function boot(indexURL: string): Promise<void> {
  try {
    post({ type: 'progress', stage: 'runtime', ms: since() });
    const pyodide = await loadPyodide({ indexURL, stdout: () => {}, stderr: () => {} });
    post({ type: 'progress', stage: 'server', ms: since() });
    session = installServer(pyodide);
    post({ type: 'progress', stage: 'warmup', ms: since() });
    // One throwaway run imports wsgiref and friends, so the person's first run is quick.
    session.runJson({
      code: 'def application(e, s):\n    s("200 OK", [])\n    return [b""]\n',
      request: { method: 'GET', target: '/', headers: [], bodyBase64: '' },
      settings: DEFAULT_SETTINGS,
    });
    const version = String(pyodide.runPython('import sys; sys.version.split()[0]'));
    post({ type: 'ready', bootMs: since(), pythonVersion: version });
  } catch (error) {
    post({ type: 'failed', id: null, message: `Python failed to start: ${String(error)}` });
  }
}

self.addEventListener('message', (event: MessageEvent<ToWorker>) => {
  const message = event.data;
  if (message.type === 'boot') {
    void boot(message.indexURL);
  } else if (message.type === 'run') {
    if (!session) {
      post({ type: 'failed', id: message.id, message: 'Python is not ready yet.' });
      return;
    }
    try {
      post({ type: 'result', id: message.id, traceJson: session.runJson(message.job) });
    } catch (error) {
      post({
        type: 'failed',
        id: message.id,
        message: `The server object failed: ${String(error)}`,
      });
    }
  }
});
