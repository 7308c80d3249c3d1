"""Build the CGI part of a WSGI environ from an HTTP request, as PEP 3333 describes.

PEP 3333, "environ Variables": the environ holds the CGI variables (REQUEST_METHOD,
SCRIPT_NAME, PATH_INFO, QUERY_STRING, CONTENT_TYPE, CONTENT_LENGTH, SERVER_NAME, SERVER_PORT,
SERVER_PROTOCOL and the HTTP_ variables) as "native strings": ``str`` objects holding only
code points U+0000..U+00FF, one per byte received.  The ``wsgi.*`` keys are added later by the
handler (``wsgiref.handlers.BaseHandler.setup_environ``).
"""

import re

_TOKEN = re.compile(r"^[!#$%&'*+.^_`|~0-9A-Za-z-]+$")
_DEFAULT_PORTS = {"http": "80", "https": "443"}


class RequestError(ValueError):
    """The request cannot be turned into an environ (a real server would answer 400)."""


def native(text):
    """Return ``text`` as a native string: the latin-1 reading of its UTF-8 bytes.

    A client sends bytes; what a person types is sent as UTF-8 (as curl and browsers do), and
    the server decodes the bytes as latin-1 (PEP 3333, "Unicode Issues").
    """
    return text.encode("utf-8", "surrogatepass").decode("latin-1")


def split_target(target):
    """Split a request target into (scheme or None, authority or None, path, query)."""
    target = target.split("#", 1)[0]
    scheme = authority = None
    match = re.match(r"^(https?)://([^/?]*)(.*)$", target, re.IGNORECASE)
    if match:
        scheme, authority, target = match.group(1).lower(), match.group(2), match.group(3)
        if not target.startswith("/") and target != "*":
            target = "/" + target
    if not (target.startswith("/") or target == "*"):
        raise RequestError(
            "The request target must be a path like /hello?name=x or an absolute URL, got %r"
            % (target,)
        )
    path, _, query = target.partition("?")
    return scheme, authority, path, query


def split_host(host, scheme):
    """Split a Host header value into (SERVER_NAME, SERVER_PORT)."""
    host = host.strip()
    if host.startswith("["):  # an IPv6 literal: [::1]:8080
        name, _, rest = host.partition("]")
        name += "]"
        port = rest[1:] if rest.startswith(":") else ""
    else:
        name, _, port = host.partition(":")
    return name or "localhost", port or _DEFAULT_PORTS[scheme]


def mount(path, script_name):
    """Split a decoded path into (SCRIPT_NAME, PATH_INFO) at the mount point."""
    script_name = script_name.rstrip("/")
    if not script_name:
        return "", path
    if not script_name.startswith("/"):
        raise RequestError(
            "The mount point (SCRIPT_NAME) must start with '/', got %r" % script_name
        )
    if path == script_name or path.startswith(script_name + "/"):
        return script_name, path[len(script_name) :]
    raise RequestError(
        "The request path %r is not under the mount point SCRIPT_NAME=%r" % (path, script_name)
    )


_PERCENT_ESCAPE = re.compile(rb"%([0-9A-Fa-f]{2})")


def unquote_to_bytes(text):
    """``urllib.parse.unquote_to_bytes``: %XX escapes of the UTF-8 encoded ``text`` decoded.

    Written out because importing ``urllib.parse`` in WebAssembly (compiled from source at
    first import) cost a third of the server object's start-up.
    """
    return _PERCENT_ESCAPE.sub(lambda match: bytes.fromhex(match[1].decode()), text.encode())


def check_method(method):
    """Return ``method`` if it is an HTTP token, else raise ``RequestError``."""
    if not _TOKEN.match(method):
        raise RequestError("The method must be an HTTP token such as GET or POST, got %r" % method)
    return method


def check_header(name, value):
    """Raise ``RequestError`` for a header a client cannot send: a name that is no token, a
    value with CR, LF or NUL."""
    if not _TOKEN.match(name):
        raise RequestError("Header name %r is not a valid HTTP token" % (name,))
    if any(c in value for c in "\r\n\0"):
        raise RequestError("The value of header %r contains CR, LF or NUL" % (name,))


def build_cgi_environ(request, settings):
    """Return (environ, notes): the CGI variables for ``request``, and remarks for the person.

    ``request`` is ``{"method", "target", "headers": [[name, value], ...], "body": bytes}``.
    """
    notes = []
    method = check_method(request.get("method") or "GET")
    scheme, authority, raw_path, query = split_target(native(request.get("target") or "/"))
    scheme = scheme or settings["urlScheme"]
    path = unquote_to_bytes(raw_path).decode("latin-1")
    script_name, path_info = mount(path, settings["scriptName"])

    environ = {
        "REQUEST_METHOD": method,
        "SCRIPT_NAME": script_name,
        "PATH_INFO": path_info,
        "QUERY_STRING": query,
    }
    http_vars = {}
    for name, value in request.get("headers") or []:
        check_header(name, value)
        if "_" in name:
            # As wsgiref.simple_server, nginx and gunicorn do: HTTP_X_USER could not tell
            # "X-User" from "X_User", so a client could spoof a header a proxy set.
            notes.append(
                "Header %r was dropped: names with '_' are ambiguous in the environ" % name
            )
            continue
        key = name.upper().replace("-", "_")
        value = native(value.strip())
        if key in ("CONTENT_TYPE", "CONTENT_LENGTH"):
            target_key = key
        else:
            target_key = "HTTP_" + key
        if target_key in http_vars:
            # RFC 9110 5.3: repeated fields combine into one, joined by commas.
            http_vars[target_key] += ", " + value
        else:
            http_vars[target_key] = value
    for key in ("CONTENT_TYPE", "CONTENT_LENGTH"):
        if key in http_vars:
            environ[key] = http_vars.pop(key)

    host = http_vars.get("HTTP_HOST") or (native(authority) if authority else "")
    server_name, server_port = split_host(host, scheme)
    environ["SERVER_NAME"] = server_name
    environ["SERVER_PORT"] = server_port
    environ["SERVER_PROTOCOL"] = "HTTP/" + settings["httpVersion"]
    environ["REMOTE_ADDR"] = "127.0.0.1"
    environ["GATEWAY_INTERFACE"] = "CGI/1.1"
    if scheme == "https":
        # wsgiref.util.guess_scheme reads this to set wsgi.url_scheme.
        environ["HTTPS"] = "on"
    environ.update(http_vars)
    return environ, notes
