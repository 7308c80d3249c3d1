"""A request as a real server on a socket receives it: for the ``gunicorn`` and ``waitress``
personalities, which build their environ from the request line and header lines themselves.
"""

import re

from .environ_builder import check_header, check_method, native, split_target

_ESCAPE = re.compile(rb"%([0-9A-Fa-f]{2})")

#: The client's port when the settings give none (``clientPort``): any ephemeral port would do.
DEFAULT_CLIENT_PORT = 54321


class ServerRequest:
    """The request line and header lines of ``request``, as the bytes a client sends."""

    def __init__(self, request, settings):
        self.method = check_method(request.get("method") or "GET")
        split_target(native(request.get("target") or "/"))  # the same checks as wsgiref's
        self.uri = native(request.get("target") or "/").split("#", 1)[0]
        self.version = settings["httpVersion"]
        self.headers = [(name, native(value)) for name, value in request.get("headers") or []]
        for name, value in self.headers:
            check_header(name, value)
        self.client_port = settings.get("clientPort") or DEFAULT_CLIENT_PORT
        self.settings = settings

    def server_port(self, default):
        """The port the server listens on (``serverPort``, else the server's default)."""
        return self.settings.get("serverPort") or default

    def split_uri(self):
        """``urllib.parse.urlsplit`` of the target: (path, query), as both servers split it
        (a path that starts with ``//`` is a path, not an authority)."""
        from urllib.parse import urlsplit  # slow to import in WebAssembly: only when needed

        if self.uri.startswith("//"):
            path, _, query = self.uri.partition("?")
            return path, query
        parts = urlsplit(self.uri)
        return parts.path or "", parts.query or ""

    @staticmethod
    def unquote(path):
        """%XX escapes decoded, the bytes read as latin-1 (a WSGI native string)."""
        raw = path.encode("latin-1")
        return _ESCAPE.sub(lambda match: bytes.fromhex(match[1].decode()), raw).decode("latin-1")


def announced_body(body, headers):
    """The bytes of ``body`` a server reads: as many as Content-Length says (none without
    one: neither server reads a request body to the end of the connection)."""
    for name, value in headers:
        if name.lower() == "content-length":
            try:
                return body[: int(value.strip())]
            except ValueError:
                return b""
    return b""
