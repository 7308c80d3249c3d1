class Rows:
    def __init__(self, environ):
        self.log = environ["wsgi.errors"]

    def __iter__(self):
        yield b"row one\n"
        yield b"row two\n"

    def close(self):
        self.log.write("rows closed\n")


def rows(environ, start_response):
    start_response("200 OK", [("Content-Type", "text/plain")])
    return Rows(environ)
