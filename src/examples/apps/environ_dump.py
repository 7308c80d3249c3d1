def application(environ, start_response):
    # Every CGI variable is a native str; the wsgi.* keys are the server's objects.
    lines = []
    for key in sorted(environ):
        lines.append("%s = %r" % (key, environ[key]))
    body = "\n".join(lines).encode("utf-8")
    start_response("200 OK", [("Content-Type", "text/plain; charset=utf-8")])
    return [body]
