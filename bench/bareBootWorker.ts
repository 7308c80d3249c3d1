/// <reference lib="webworker" />
/** Boot Pyodide and serve one request with plain wsgiref; post the body and the boot time. */
import { loadPyodide } from 'pyodide';

declare const self: DedicatedWorkerGlobalScope;

const APP = `
import io
from wsgiref.handlers import SimpleHandler

def application(environ, start_response):
    start_response("200 OK", [("Content-Type", "text/plain")])
    return [b"Hello, World!"]

out = io.BytesIO()
SimpleHandler(io.BytesIO(), out, io.StringIO(), {"REQUEST_METHOD": "GET", "SERVER_PROTOCOL": "HTTP/1.1"}).run(application)
out.getvalue().split(b"\\r\\n\\r\\n", 1)[1].decode()
`;

self.addEventListener('message', async (event: MessageEvent<string>) => {
  const started = performance.now();
  const pyodide = await loadPyodide({ indexURL: event.data });
  const bootMs = performance.now() - started;
  const body = String(pyodide.runPython(APP));
  self.postMessage({ bootMs, body });
});
