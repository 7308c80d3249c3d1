"""The ``gunicorn`` personality: what gunicorn's sync worker puts on the wire.

Modelled on gunicorn 20.1.0 (Debian 12's ``python3-gunicorn`` 20.1.0-6+deb12u1): the environ
of ``gunicorn/http/wsgi.py`` ``create``, its ``Response`` (``start_response``,
``process_headers``, ``is_chunked``, ``default_headers``, ``write``, ``close``) and the sync
worker's ``handle_request`` and ``handle_error``.  Each method says which one it follows;
``tests/test_servers.py`` and ``npm run fidelity:servers`` compare the bytes with the real
server on loopback.
"""

import html
import re
import sys

from .plain_server import PlainHandler
from .server_request import ServerRequest

RELEASE = "20.1.0"
SERVER = "gunicorn"  # ``Server:`` carries no version in 20.1
SERVER_SOFTWARE = "gunicorn/%s" % RELEASE
DEFAULT_PORT = 8000  # gunicorn's default bind, 127.0.0.1:8000

TOKEN_RE = re.compile(r"[!#$%&'*+\-.\^_`|~0-9a-zA-Z]+")
HEADER_VALUE_RE = re.compile(r"[ \t\x21-\x7e\x80-\xff]*")
HOP_HEADERS = frozenset(
    "connection keep-alive proxy-authenticate proxy-authorization te trailers "
    "transfer-encoding upgrade server date".split()
)
#: The headers a trusted proxy (127.0.0.1, the playground's client) sets the scheme with.
SECURE_SCHEME_HEADERS = {
    "X-FORWARDED-PROTOCOL": "ssl",
    "X-FORWARDED-PROTO": "https",
    "X-FORWARDED-SSL": "on",
}


class InvalidHeader(Exception):
    """gunicorn's ``http.errors.InvalidHeader``: a header value it will not send."""

    def __str__(self):
        return "Invalid HTTP Header: %r" % self.args[0]


class InvalidHeaderName(Exception):
    """gunicorn's ``http.errors.InvalidHeaderName``."""

    def __str__(self):
        return "Invalid HTTP header name: %r" % self.args[0]


class InvalidSchemeHeaders(Exception):
    """gunicorn's ``http.errors.InvalidSchemeHeaders``: two scheme headers disagree."""

    def __str__(self):
        return "Contradictory scheme headers"


#: The environ key under which ``gunicorn_environ`` leaves an error gunicorn meets while it
#: builds the environ: ``setup_environ`` raises it, so the server answers as gunicorn does.
DEFERRED_ERROR = "wsgi_playground.deferred_error"


class FileWrapper:
    """gunicorn's ``wsgi.file_wrapper``: iterated by index, ``blksize`` bytes at a time."""

    def __init__(self, filelike, blksize=8192):
        self.filelike = filelike
        self.blksize = blksize
        if hasattr(filelike, "close"):
            self.close = filelike.close

    def __getitem__(self, key):
        data = self.filelike.read(self.blksize)
        if data:
            return data
        raise IndexError


class SocketStandIn:
    """``environ['gunicorn.socket']``: no socket exists in the playground."""

    def __repr__(self):
        return "<the client's socket (gunicorn.socket): not modelled>"


def gunicorn_environ(request, settings):
    """The CGI variables gunicorn's ``wsgi.create`` builds for ``request`` (before the
    ``wsgi.*`` keys)."""
    req = ServerRequest(request, settings)
    headers = [(name.upper(), value) for name, value in req.headers]
    scheme = "https" if settings["urlScheme"] == "https" else "http"  # --certfile
    seen_scheme = None
    headers = [(name, value.lstrip(" \t")) for name, value in headers]
    for name, value in headers:  # message.parse_headers: 127.0.0.1 is a trusted proxy
        if name in SECURE_SCHEME_HEADERS:
            this = "https" if value == SECURE_SCHEME_HEADERS[name] else "http"
            if seen_scheme is not None and this != seen_scheme:
                return {DEFERRED_ERROR: InvalidSchemeHeaders()}  # a 400, before the app
            scheme = seen_scheme = this
    path, query = req.split_uri()
    environ = {
        "REQUEST_METHOD": req.method.upper(),
        "QUERY_STRING": query,
        "RAW_URI": req.uri,
        "SERVER_PROTOCOL": "HTTP/%s" % req.version,
    }
    script_name = settings["scriptName"]  # the SCRIPT_NAME environment variable
    for name, value in headers:
        if name == "HOST":
            pass
        elif name == "SCRIPT_NAME":
            script_name = value
        elif name == "CONTENT-TYPE":
            environ["CONTENT_TYPE"] = value
            continue
        elif name == "CONTENT-LENGTH":
            environ["CONTENT_LENGTH"] = value
            continue
        key = "HTTP_" + name.replace("-", "_")
        environ[key] = "%s,%s" % (environ[key], value) if key in environ else value
    environ["wsgi.url_scheme"] = scheme
    environ["REMOTE_ADDR"] = "127.0.0.1"
    environ["REMOTE_PORT"] = str(req.client_port)
    environ["SERVER_NAME"] = "127.0.0.1"
    environ["SERVER_PORT"] = str(req.server_port(DEFAULT_PORT))
    if script_name:
        parts = path.split(script_name, 1)
        if len(parts) < 2:  # off the mount: gunicorn's split raises IndexError, a 500
            environ[DEFERRED_ERROR] = IndexError("list index out of range")
            return environ
        path = parts[1]
    environ["PATH_INFO"] = req.unquote(path)
    environ["SCRIPT_NAME"] = script_name
    return environ


def error_page(status_int, reason, mesg=""):
    """The bytes of ``util.write_error``: gunicorn's own error response, whole."""
    body = (
        "<html>\n  <head>\n    <title>%(reason)s</title>\n  </head>\n  <body>\n"
        "    <h1><p>%(reason)s</p></h1>\n    %(mesg)s\n  </body>\n</html>\n"
    ) % {"reason": reason, "mesg": html.escape(mesg)}
    head = (
        "HTTP/1.1 %s %s\r\nConnection: close\r\nContent-Type: text/html\r\n"
        "Content-Length: %d\r\n\r\n" % (status_int, reason, len(body))
    )
    return head.encode("latin-1"), body.encode("latin-1")


class GunicornHandler(PlainHandler):
    """A ``SimpleHandler`` that serves as gunicorn's sync worker does."""

    server_name = "gunicorn"
    server_release = RELEASE
    per_chunk = True
    wsgi_file_wrapper = FileWrapper
    error_body = error_page(500, "Internal Server Error")[1]

    def __init__(self, stdin, stdout, stderr, cgi_environ, settings):
        super().__init__(stdin, stdout, stderr, cgi_environ, settings)
        self.origin_server = True
        self.request_version = settings["httpVersion"]
        self.request_method = cgi_environ.get("REQUEST_METHOD", "GET")
        self.workers = 2 if settings["multiprocess"] else 1
        self.response_length = None
        self.sent = 0
        self.chunked = False
        self.upgrade = False
        self.status_code = None
        self.response_headers = []
        self.error_head = None

    def setup_environ(self):
        """``wsgi.base_environ`` and ``default_environ``: the sync worker's ``wsgi.*`` keys."""
        env = self.environ = dict(self.base_env)
        error = env.pop(DEFERRED_ERROR, None)
        if error is not None:
            raise error
        env["wsgi.errors"] = self.get_stderr()
        env["wsgi.version"] = (1, 0)
        env["wsgi.multithread"] = False
        env["wsgi.multiprocess"] = self.workers > 1
        env["wsgi.run_once"] = False
        env["wsgi.file_wrapper"] = FileWrapper
        env["wsgi.input_terminated"] = True
        env["SERVER_SOFTWARE"] = SERVER_SOFTWARE
        env["wsgi.input"] = self.get_stdin()
        env["gunicorn.socket"] = SocketStandIn()

    # -- Response ---------------------------------------------------------------------------

    def start_response(self, status, headers, exc_info=None):
        """``Response.start_response``: a second call needs ``exc_info``; re-raise it once
        the headers are out."""
        if exc_info:
            try:
                if self.status and self.headers_sent:
                    raise exc_info[1].with_traceback(exc_info[2])
            finally:
                exc_info = None
        elif self.status is not None:
            raise AssertionError("Response headers already set!")
        self.status = status
        try:
            self.status_code = int(self.status.split()[0])
        except ValueError:
            self.status_code = None
        self.process_headers(headers)
        self.chunked = self.is_chunked()
        return self.write

    def process_headers(self, headers):
        """``Response.process_headers``: check each header; keep Content-Length; drop the
        hop-by-hop ones (and Server and Date, which gunicorn writes itself)."""
        for name, value in headers:
            if not isinstance(name, str):
                raise TypeError("%r is not a string" % name)
            if not TOKEN_RE.fullmatch(name):
                raise InvalidHeaderName("%r" % name)
            if not isinstance(value, str):
                raise TypeError("%r is not a string" % value)
            if not HEADER_VALUE_RE.fullmatch(value):
                raise InvalidHeader("%r" % value)
            value = value.strip(" \t")
            lname = name.lower()
            if lname == "content-length":
                self.response_length = int(value)
            elif lname.strip() in HOP_HEADERS:
                if lname == "connection" and value.lower() == "upgrade":
                    self.upgrade = True
                elif lname == "upgrade" and value.lower() == "websocket":
                    self.response_headers.append((name, value))
                else:
                    self.header_dropped(name)
                continue
            self.response_headers.append((name, value))

    def is_chunked(self):
        """``Response.is_chunked``: chunked on HTTP/1.1 without a Content-Length, unless the
        response can have no body."""
        if self.response_length is not None or self.request_version == "1.0":
            return False
        if self.request_method == "HEAD" or self.status_code in (204, 304):
            return False
        return True

    def head_bytes(self):
        """``default_headers`` and the app's headers (the sync worker forces the connection
        closed: ``Connection: close``)."""
        connection = "upgrade" if self.upgrade else "close"
        lines = [
            "HTTP/%s %s\r\n" % (self.request_version, self.status),
            "Server: %s\r\n" % SERVER,
            "Date: %s\r\n" % self.date_time_string(),
            "Connection: %s\r\n" % connection,
        ]
        if self.chunked:
            lines.append("Transfer-Encoding: chunked\r\n")
        lines.extend("%s: %s\r\n" % (k, v) for k, v in self.response_headers)
        return ("%s\r\n" % "".join(lines)).encode("latin-1")

    def send_headers(self):
        """``Response.send_headers``: the head goes out once."""
        if self.headers_sent:
            return
        head = self.error_head or self.head_bytes()
        self._write(head)
        self.headers_sent = True

    def write(self, data):
        """``Response.write``: headers first; never more than the Content-Length; one chunk
        per write when chunked (an empty write sends nothing)."""
        self.send_headers()
        if not isinstance(data, bytes):
            raise TypeError("%r is not a byte" % data)
        tosend = len(data)
        if self.response_length is not None:
            if self.sent >= self.response_length:
                self.body_dropped(len(data), "content-length")
                return
            tosend = min(self.response_length - self.sent, tosend)
            if tosend < len(data):
                self.body_dropped(len(data) - tosend, "content-length")
                data = data[:tosend]
        if self.chunked and tosend == 0:
            return
        self.sent += tosend
        if self.chunked:
            self.send_framing(b"%X\r\n" % len(data))
            self._write(data)
            self.send_framing(b"\r\n")
        else:
            self._write(data)

    def finish_content(self):
        """``Response.close``: the head if nothing was written, then the last chunk."""
        if not self.headers_sent:
            self.send_headers()
        if self.chunked:
            self.send_framing(b"0\r\n\r\n")

    # -- the sync worker --------------------------------------------------------------------

    def result_is_file(self):
        """``handle_request``: a ``FileWrapper`` result goes to ``Response.write_file``."""
        return isinstance(self.result, FileWrapper)

    def sendfile(self):
        """``Response.write_file`` without ``os.sendfile`` (no file descriptor here): each
        block is written as ``write`` does."""
        for item in self.result:
            self.write_chunk(item)
        self.finish_content()
        return True

    def handle_error(self):
        """The sync worker's ``handle_request`` and ``handle_error``: an ``Exception``
        before the head went out is answered with gunicorn's own 500 page; after it, or an
        ``OSError``, the connection is closed with nothing more; anything else (``SystemExit``)
        ends the worker.  A header gunicorn refused is answered as a bad request would be: a
        400 page quoting it (nothing at all when the quote is not latin-1)."""
        self.log_exception(sys.exc_info())
        error = sys.exc_info()[1]
        if self.headers_sent or isinstance(error, OSError) or not isinstance(error, Exception):
            return
        if isinstance(error, (InvalidHeader, InvalidHeaderName, InvalidSchemeHeaders)):
            self.error_status, mesg = "400 Bad Request", str(error)
        else:
            self.error_status, mesg = "500 Internal Server Error", ""
        try:
            self.error_head, self.error_body = error_page(*self.error_status.split(" ", 1), mesg)
        except UnicodeEncodeError:
            return  # "Failed to send error message."
        self.error_output(self.environ, None)

    def error_output(self, environ, start_response):
        """``util.write_error(sock, status, reason, mesg)``, sent whole."""
        self.status = self.error_status
        self.send_headers()
        self._write(self.error_body)
        return []

    def finish_response(self):
        """The plain server's loop (``handle_request``): each item written, the response
        closed, then the iterable."""
        try:
            if not self.result_is_file() or not self.sendfile():
                for data in self.result:
                    self.write_chunk(data)
                self.finish_content()
        finally:
            if hasattr(self.result, "close"):
                self.result.close()
        self.result = None
