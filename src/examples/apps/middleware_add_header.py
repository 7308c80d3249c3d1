def inner(environ, start_response):
    start_response("200 OK", [("Content-Type", "text/plain")])
    return [b"from the inner app\n"]


def add_header(app):
    """Middleware: adds a header by passing a new list to the server's start_response."""

    def middleware(environ, start_response):
        def patched(status, headers, exc_info=None):
            return start_response(status, headers + [("X-Frame-Options", "DENY")], exc_info)

        return app(environ, patched)

    return middleware


application = add_header(inner)
