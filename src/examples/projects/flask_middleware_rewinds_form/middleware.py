import io


class LogBody:
    """Middleware: logs each request body to wsgi.errors, then hands the app the same bytes."""

    def __init__(self, app):
        self.app = app

    def __call__(self, environ, start_response):
        size = int(environ.get("CONTENT_LENGTH") or 0)
        body = environ["wsgi.input"].read(size)
        environ["wsgi.errors"].write("body: %r\n" % body)
        # A fresh stream of the bytes read, and the length that matches it.
        environ["wsgi.input"] = io.BytesIO(body)
        environ["CONTENT_LENGTH"] = str(len(body))
        return self.app(environ, start_response)
