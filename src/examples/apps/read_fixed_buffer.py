def application(environ, start_response):
    # A fixed-size read ignores CONTENT_LENGTH: on a real socket it can wait forever.
    body = environ["wsgi.input"].read(65536)
    start_response("200 OK", [("Content-Type", "text/plain")])
    return [b"got %d bytes\n" % len(body)]
