class HeaderStamp:
    """Middleware: adds a header by passing a new list to the server's start_response."""

    def __init__(self, app):
        self.app = app

    def __call__(self, environ, start_response):
        def stamped(status, headers, exc_info=None):
            return start_response(status, headers + [("X-Frame-Options", "DENY")], exc_info)

        return self.app(environ, stamped)
