def application(environ, start_response):
    lines = []
    for key in sorted(environ):
        value = environ[key]
        if isinstance(value, str):
            lines.append("%s=%s\n" % (key, value))
        elif isinstance(value, (bool, tuple)):
            lines.append("%s=%r\n" % (key, value))
    body = "".join(lines).encode("latin-1")
    start_response("200 OK", [("Content-Type", "text/plain; charset=latin-1")])
    return [body]
