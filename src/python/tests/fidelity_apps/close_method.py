class Body:
    def __init__(self, environ):
        self.environ = environ

    def __iter__(self):
        yield b"iterated\n"

    def close(self):
        self.environ["wsgi.errors"].write("closed\n")


def application(environ, start_response):
    start_response("200 OK", [("Content-Type", "text/plain")])
    return Body(environ)
