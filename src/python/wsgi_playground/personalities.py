"""The servers a run can be served by: wsgiref (``http``, ``cgi``) or a model of a real one.

``http`` and ``cgi`` are ``wsgiref.handlers.SimpleHandler`` itself; ``gunicorn`` and
``waitress`` are models of those servers' response writers, checked byte for byte against
the real servers on loopback (``docs/fidelity.md``).
"""

from .environ_builder import build_cgi_environ
from .gunicorn_model import GunicornHandler, gunicorn_environ
from .plain_server import PlainHandler, request_body
from .server_request import announced_body
from .waitress_model import WaitressHandler, waitress_environ

#: The modelled servers: personality → (plain handler class, environ builder).
MODELS = {
    "gunicorn": (GunicornHandler, gunicorn_environ),
    "waitress": (WaitressHandler, waitress_environ),
}


def plain_handler_class(settings):
    """The handler class (unobserved) of the run's personality."""
    model = MODELS.get(settings["personality"])
    return model[0] if model else PlainHandler


def cgi_environ_for(request, settings):
    """(environ, notes): the CGI variables the run's server builds for ``request``."""
    model = MODELS.get(settings["personality"])
    if model is None:
        return build_cgi_environ(request, settings)
    notes = []
    if settings["personality"] == "waitress":
        notes = [
            "Header %r was dropped: waitress leaves out names with '_'" % name
            for name, _ in request.get("headers") or []
            if "_" in name
        ]
    return model[1](request, settings), notes


def body_for(request, settings):
    """The request body the run's server reads: all of it (wsgiref: the app reads what it
    wants), or what Content-Length announces (a real server on a socket)."""
    body = request_body(request)
    if settings["personality"] in MODELS:
        return announced_body(body, request.get("headers") or [])
    return body
