def application(environ, start_response):
    # PATH_INFO is a native string: bytes decoded as latin-1.
    path = environ["PATH_INFO"].encode("latin-1").decode("utf-8", "replace")
    body = ("path: %s\nscript: %s\n" % (path, environ["SCRIPT_NAME"])).encode("utf-8")
    start_response("200 OK", [("Content-Type", "text/plain; charset=utf-8")])
    return [body]
