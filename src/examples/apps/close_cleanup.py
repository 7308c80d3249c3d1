class Rows:
    """An iterable holding a resource; close() releases it."""

    def __init__(self, environ):
        self.log = environ["wsgi.errors"]
        self.log.write("connection opened\n")

    def __iter__(self):
        yield b"row 1\n"
        yield b"row 2\n"

    def close(self):
        # The server calls this after the last chunk, or when anything fails.
        self.log.write("connection closed\n")


def application(environ, start_response):
    start_response("200 OK", [("Content-Type", "text/plain")])
    return Rows(environ)
