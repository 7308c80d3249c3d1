class Upper:
    """Upper-cases the body, but forgets to close the iterable of the app it wraps."""

    def __init__(self, app):
        self.app = app

    def __call__(self, environ, start_response):
        for chunk in self.app(environ, start_response):
            yield chunk.upper()
