"""The reference: the same app and request through plain ``wsgiref.handlers.SimpleHandler``.

Used by the fidelity tests to check that the tracer's wire bytes equal CPython's own.  Run as
``python3 -m wsgi_playground.reference < cases.json`` it prints one base64 wire per case.
"""

import base64
import json
import re
import sys

from .plain_server import load_and_serve
from .project_loader import job_app


def run_reference(app, request, settings=None):
    """Return the bytes plain wsgiref writes for the app of ``app`` (a project, or one file's
    code: see ``run_trace``) serving ``request``."""
    wire, _ = load_and_serve(app, request, settings)  # the bytes are what count, not errors
    return wire


def without_date(wire):
    """Drop the ``Date`` header line from the head of a response (it differs by the second)."""
    head, sep, body = wire.partition(b"\r\n\r\n")
    return re.sub(rb"(?m)^Date: [^\r\n]*\r\n", b"", head + sep) + body


def main():
    """Read jobs as ``run_json`` takes them (a list, as JSON on stdin); print their wires as
    JSON."""
    cases = json.load(sys.stdin)
    wires = [
        base64.b64encode(run_reference(job_app(c), c["request"], c.get("settings"))).decode()
        for c in cases
    ]
    json.dump(wires, sys.stdout)


if __name__ == "__main__":
    main()
