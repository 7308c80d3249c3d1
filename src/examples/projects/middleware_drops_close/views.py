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


def rows(environ, start_response):
    start_response("200 OK", [("Content-Type", "text/plain")])
    return Rows(environ)
