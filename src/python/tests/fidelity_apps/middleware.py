def inner(environ, start_response):
    start_response("200 OK", [("Content-Type", "text/plain")])
    return [b"from the inner app\n"]


class AddHeader:
    def __init__(self, app):
        self.app = app

    def __call__(self, environ, start_response):
        def patched(status, headers, exc_info=None):
            return start_response(status, headers + [("X-Middleware", "yes")], exc_info)

        return self.app(environ, patched)


application = AddHeader(inner)
