def application(environ, start_response):
    # read() with no size returns the rest of the body: PEP 3333 asks servers to allow it.
    body = environ["wsgi.input"].read()
    start_response("200 OK", [("Content-Type", "text/plain")])
    return [b"got %d bytes\n" % len(body)]
