def application(environ, start_response):
    start_response("200 OK", [("Content-Type", "text/plain")])
    # bytes is iterable too: it yields ints, one per byte.
    return b"Hello, WSGI!\n"
