"""The plain server: ``wsgiref.handlers.SimpleHandler`` set up as a run's settings say.

The tracer is a ``PlainHandler`` observed at every step; the reference (``reference.py``) and
the validate verdict (``validate_verdict.py``) serve the same request with ``load_and_serve``,
unobserved.  What they share about a request and a server lives here, once.
"""

import io
import sys
import time
from binascii import a2b_base64
from wsgiref.handlers import SimpleHandler, format_date_time

from .environ_builder import build_cgi_environ
from .project_loader import ProjectDir, load_application, to_project
from .settings import resolve_settings


def request_body(request):
    """The request body as bytes, from ``body`` (bytes) or ``bodyBase64`` (text)."""
    if request.get("body") is not None:
        return bytes(request["body"])
    return a2b_base64(request.get("bodyBase64") or "")


class PlainHandler(SimpleHandler):
    """``SimpleHandler`` with the server's personality from the settings, and nothing else.

    The hooks below are where a modelled server (``gunicorn_model``, ``waitress_model``)
    differs from wsgiref; the tracer overrides them to record what the server did.
    """

    os_environ = {}  # the environ is the request's alone, not the host process's
    #: The real server modelled (``None``: wsgiref itself), and its release.
    server_name = server_release = None
    #: Each chunk goes through ``write_chunk`` (the tracer's per-chunk path), for servers that
    #: frame or cut what they send.
    per_chunk = False
    #: The iterable is closed before the response is finished (waitress), not after.
    closes_before_finishing = False

    def __init__(self, stdin, stdout, stderr, cgi_environ, settings):
        super().__init__(
            stdin,
            stdout,
            stderr,
            cgi_environ,
            multithread=settings["multithread"],
            multiprocess=settings["multiprocess"],
        )
        self.origin_server = settings["personality"] == "http"
        self.http_version = settings["httpVersion"]
        self.wsgi_run_once = settings["runOnce"]

    def date_time_string(self):
        """The ``Date:`` value for now (RFC 9110's IMF-fixdate), as every server writes it."""
        return format_date_time(time.time())

    def write_chunk(self, data):
        """Send one item of the response iterable (wsgiref: ``write`` it)."""
        self.write(data)

    def send_framing(self, data):
        """Send bytes of the transfer framing (a chunk's size line, its CRLF, the last chunk)."""
        self._write(data)

    def body_dropped(self, size, reason):
        """Hook: the server did not send ``size`` bytes of the body just written (``reason``:
        ``content-length`` reached, or a ``no-body-status``)."""

    def header_dropped(self, name):
        """Hook: the server left out the app's header ``name``."""


def load_and_serve(app, request, settings, make_handler=PlainHandler, wrap=None):
    """Load the app of ``app`` (a project, or one file's code: see ``run_trace``) and serve
    ``request`` with ``make_handler(...)``, prints discarded.

    ``wrap``, if given, wraps the app (say, in ``wsgiref.validate.validator``).  Returns the
    wire bytes and the exception ``run()`` raised or None: wsgiref re-raises an error in its
    own error handling.  The handler is gone on return, so whatever it alone held is too.
    """
    settings = resolve_settings(settings)
    cgi_environ, _ = build_cgi_environ(request, settings)
    saved = sys.stdout, sys.stderr
    sys.stdout = sys.stderr = io.StringIO()
    out = io.BytesIO()
    try:
        with ProjectDir(to_project(app, settings)) as directory:
            _, application = load_application(directory)
            return serve(application, request, cgi_environ, settings, out, make_handler, wrap)
    finally:
        sys.stdout, sys.stderr = saved


def serve(application, request, cgi_environ, settings, out, make_handler, wrap):
    """Serve ``request`` with ``application``; return the wire bytes and the error or None."""
    handler = make_handler(
        io.BytesIO(request_body(request)), out, io.StringIO(), cgi_environ, settings
    )
    try:
        handler.run(wrap(application) if wrap else application)
    except Exception as error:
        return out.getvalue(), error
    finally:
        del handler
    return out.getvalue(), None
