class Gzipish:
    """Middleware: decides on the headers once it has seen the body — after sending some."""

    def __init__(self, app):
        self.app = app

    def __call__(self, environ, start_response):
        held = []

        def hold(status, headers, exc_info=None):
            held[:] = [status, headers]

        result = self.app(environ, hold)
        try:
            for chunk in result:
                yield chunk  # the first chunk goes out before start_response reached the server
                if held:
                    status, headers = held
                    held.clear()
                    start_response(status, headers + [("Vary", "Accept-Encoding")])
        finally:
            result.close()  # the one thing it gets right: it closes what it wraps
