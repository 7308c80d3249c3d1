class Rows:
    """A database-like result: close() gives the cursor back."""

    def __init__(self, environ):
        self.log = environ["wsgi.errors"]
        self.log.write("cursor opened\n")

    def __iter__(self):
        yield b"row 1\n"
        yield b"row 2\n"

    def close(self):
        self.log.write("cursor closed\n")


def inner(environ, start_response):
    start_response("200 OK", [("Content-Type", "text/plain")])
    return Rows(environ)


def strip_head_body(app):
    """Middleware: answer HEAD with headers only."""

    def middleware(environ, start_response):
        result = app(environ, start_response)
        if environ["REQUEST_METHOD"] == "HEAD":
            return []  # drops the inner iterable without calling its close()
        return result

    return middleware


application = strip_head_body(inner)
