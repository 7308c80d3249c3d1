"""WSGI Playground's server object: a tracing WSGI server built on ``wsgiref.handlers``.

The package is plain standard-library Python so that it runs unchanged on CPython and inside
Pyodide.  ``run_trace`` is the whole public surface: code + request + settings in, a Trace
(a JSON-ready dict) out.
"""

from .run_trace import TRACE_VERSION, run_trace

__all__ = ["TRACE_VERSION", "run_trace"]
