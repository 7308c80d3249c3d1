"""The app a real server runs for ``real_servers``: each request loads the job named in the
control file fresh, with the playground's own project loader, and hands over to its app.

The app's result goes back to the server as it is (the server iterates and closes it), and
``start_response`` is the server's own: this layer adds nothing to what the server sees.
"""

import json
import os

from wsgi_playground.project_loader import ProjectDir, load_application, to_project
from wsgi_playground.settings import resolve_settings

SENTINEL = "/__fidelity_sentinel__"
_loaded = []  # the project directory of the last job, released when the next one loads


def application(environ, start_response):
    """Serve the control file's job (or the sentinel that ends a kept-alive response)."""
    uri = environ.get("REQUEST_URI") or environ.get("RAW_URI") or ""
    if uri.endswith(SENTINEL):
        start_response("299 Fidelity Sentinel", [("Content-Length", "0")])
        return [b""]
    while _loaded:
        _loaded.pop().release()
    with open(os.environ["FIDELITY_CONTROL"]) as handle:
        job = json.load(handle)
    settings = resolve_settings(job["settings"])
    directory = ProjectDir(to_project({"files": job["files"], "entry": job["entry"]}, settings))
    _loaded.append(directory)
    _, app = load_application(directory)
    return app(environ, start_response)
