"""Default run settings, shared by the tracer and the reference runner."""

DEFAULT_SETTINGS = {
    # What the client sees: "http" is an origin server, "cgi" a CGI gateway (Status: header).
    "personality": "http",
    "httpVersion": "1.1",
    # The mount point: the part of the request path that becomes SCRIPT_NAME.
    "scriptName": "",
    "urlScheme": "http",
    "multithread": False,
    "multiprocess": False,
    "runOnce": False,
    # "" means: look for ``application``, then ``app``.
    "callable": "",
    "filename": "app.py",
    # A run stops with outcome "limit" once it has recorded this many events.
    "maxEvents": 250_000,
    # Bytes of response wire kept in the trace; counts stay exact beyond it.
    "maxWireBytes": 4 * 1024 * 1024,
    # Bytes of each chunk, read or write kept as a preview on its event.
    "previewBytes": 256,
    # Also run the app under the stdlib's wsgiref.validate and put its verdict in the Trace.
    "compareValidate": False,
    # Frames of call depth the app may use beyond the server's own.
    "maxRecursion": 1000,
    # The client goes away after reading this many bytes of the response (None: it stays);
    # the server's next write raises BrokenPipeError, as a socket's does.
    "disconnectAfter": None,
    # The client announces the whole body (Content-Length) but sends only this many bytes of
    # it (None: all); wsgi.input then ends early.
    "shortBody": None,
    # The client takes this many milliseconds to read each write of the body (None: none).
    "slowClient": None,
    # The ports of a modelled server (gunicorn, waitress) and of its client, as the environ
    # shows them (None: the server's default port, and 54321 for the client).
    "serverPort": None,
    "clientPort": None,
}

#: The servers a run can be served by (see ``personalities``).
PERSONALITIES = ("http", "cgi", "gunicorn", "waitress")


def resolve_settings(settings):
    """Return a full settings dict: the defaults overlaid with what the caller gave."""
    merged = dict(DEFAULT_SETTINGS)
    for key, value in (settings or {}).items():
        if key in DEFAULT_SETTINGS and value is not None:
            merged[key] = value
    if merged["personality"] not in PERSONALITIES:
        raise ValueError(
            "personality must be one of %s, got %r"
            % (", ".join(PERSONALITIES), merged["personality"])
        )
    if merged["httpVersion"] not in ("1.0", "1.1"):
        raise ValueError("httpVersion must be '1.0' or '1.1', got %r" % (merged["httpVersion"],))
    if merged["urlScheme"] not in ("http", "https"):
        raise ValueError("urlScheme must be 'http' or 'https', got %r" % (merged["urlScheme"],))
    for key in ("disconnectAfter", "shortBody", "slowClient"):
        count = merged[key]
        if count is not None and (type(count) is not int or count < 0):
            raise ValueError("%s must be a count of bytes, got %r" % (key, count))
    for key in ("serverPort", "clientPort"):
        port = merged[key]
        if port is not None and (type(port) is not int or not 0 < port < 65536):
            raise ValueError("%s must be a TCP port (1-65535), got %r" % (key, port))
    return merged
