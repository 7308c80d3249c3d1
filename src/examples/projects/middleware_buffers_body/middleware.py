class ContentLength:
    """Middleware: buffers the body to set Content-Length — and so stops it streaming."""

    def __init__(self, app):
        self.app = app

    def __call__(self, environ, start_response):
        held = []

        def hold(status, headers, exc_info=None):
            held[:] = [status, headers]

        result = self.app(environ, hold)
        try:
            body = b"".join(result)  # every chunk of the app, before the first goes out
        finally:
            if hasattr(result, "close"):
                result.close()
        status, headers = held
        start_response(status, headers + [("Content-Length", str(len(body)))])
        return [body]
