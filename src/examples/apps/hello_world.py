def application(environ, start_response):
    # The whole protocol in three lines: status and headers, then an iterable of bytes.
    start_response("200 OK", [("Content-Type", "text/plain; charset=utf-8")])
    return [b"Hello, WSGI!\n"]
