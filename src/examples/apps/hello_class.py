class Application:
    """PEP 3333's AppClass: calling the class returns the iterable."""

    def __init__(self, environ, start_response):
        self.environ = environ
        self.start = start_response

    def __iter__(self):
        # start_response runs only when the server starts iterating.
        self.start("200 OK", [("Content-Type", "text/plain")])
        yield b"Hello from a class!\n"


application = Application
