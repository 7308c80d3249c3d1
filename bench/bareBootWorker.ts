/// <reference lib="webworker" />
/** Boot Pyodide and serve one request with plain wsgiref; post the body and the boot time. */
import { loadPyodide } from 'pyodide';
import DEFAULT_APP from '../app/state/defaultExample.py?raw';

declare const self: DedicatedWorkerGlobalScope;

// The playground's default app and request, served by plain wsgiref: no tracer, no UI.
const APP = `${DEFAULT_APP}

import io
from wsgiref.handlers import SimpleHandler

environ = {
    "REQUEST_METHOD": "GET",
    "SCRIPT_NAME": "",
    "PATH_INFO": "/hello",
    "QUERY_STRING": "name=World",
    "SERVER_NAME": "localhost",
    "SERVER_PORT": "8000",
    "SERVER_PROTOCOL": "HTTP/1.1",
    "HTTP_HOST": "localhost:8000",
}
out = io.BytesIO()
SimpleHandler(io.BytesIO(), out, io.StringIO(), environ).run(application)
out.getvalue().split(b"\\r\\n\\r\\n", 1)[1].decode()
`;

self.addEventListener('message', async (event: MessageEvent<string>) => {
  const started = performance.now();
  const pyodide = await loadPyodide({ indexURL: event.data });
  const bootMs = performance.now() - started;
  const body = String(pyodide.runPython(APP));
  self.postMessage({ bootMs, body });
});
