"""The reference: the same app and request through plain ``wsgiref.handlers.SimpleHandler``.

Used by the fidelity tests to check that the tracer's wire bytes equal CPython's own.  Run as
``python3 -m wsgi_playground.reference < cases.json`` it prints one base64 wire per case.
"""

import base64
import io
import json
import re
import sys
from wsgiref.handlers import SimpleHandler

from .app_loader import execute, find_callable
from .environ_builder import build_cgi_environ
from .run_trace import request_body
from .settings import resolve_settings


class ReferenceHandler(SimpleHandler):
    """``SimpleHandler`` with an environ that is the request's alone."""

    os_environ = {}


def run_reference(code, request, settings=None):
    """Return the bytes plain wsgiref writes for ``code``'s app serving ``request``."""
    settings = resolve_settings(settings)
    cgi_environ, _ = build_cgi_environ(request, settings)
    filename = settings["filename"]
    saved = sys.stdout, sys.stderr
    sys.stdout = sys.stderr = io.StringIO()
    out = io.BytesIO()
    try:
        namespace = execute(compile(code, filename, "exec", dont_inherit=True), filename)
        _, application = find_callable(namespace, settings["callable"], filename)
        handler = ReferenceHandler(
            io.BytesIO(request_body(request)),
            out,
            io.StringIO(),
            cgi_environ,
            multithread=settings["multithread"],
            multiprocess=settings["multiprocess"],
        )
        handler.origin_server = settings["personality"] == "http"
        handler.http_version = settings["httpVersion"]
        handler.wsgi_run_once = settings["runOnce"]
        try:
            handler.run(application)
        except Exception:
            pass  # wsgiref re-raises an error in its error handling; the bytes are what count
    finally:
        sys.stdout, sys.stderr = saved
    return out.getvalue()


def without_date(wire):
    """Drop the ``Date`` header line from the head of a response (it differs by the second)."""
    head, sep, body = wire.partition(b"\r\n\r\n")
    return re.sub(rb"(?m)^Date: [^\r\n]*\r\n", b"", head + sep) + body


def main():
    """Read ``[{code, request, settings}, ...]`` as JSON on stdin; print their wires as JSON."""
    cases = json.load(sys.stdin)
    wires = [
        base64.b64encode(run_reference(c["code"], c["request"], c.get("settings"))).decode()
        for c in cases
    ]
    json.dump(wires, sys.stdout)


if __name__ == "__main__":
    main()
