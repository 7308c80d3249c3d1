class Stamp:
    """Adds a header to whatever the app it wraps answers."""

    def __init__(self, app):
        self.app = app

    def __call__(self, environ, start_response):
        def stamped(status, headers, exc_info=None):
            return start_response(status, headers + [("X-Stamp", "1")], exc_info)

        return self.app(environ, stamped)


class Buffer:
    """Joins the body of the app it wraps into one chunk with a Content-Length."""

    def __init__(self, app):
        self.app = app

    def __call__(self, environ, start_response):
        captured = []

        def capture(status, headers, exc_info=None):
            captured[:] = [status, headers]

        result = self.app(environ, capture)
        try:
            body = b"".join(result)
        finally:
            if hasattr(result, "close"):
                result.close()
        status, headers = captured
        start_response(status, headers + [("Content-Length", str(len(body)))])
        return [body]
