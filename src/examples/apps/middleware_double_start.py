def inner(environ, start_response):
    start_response("200 OK", [("Content-Type", "text/plain")])
    return [b"hello\n"]


def maintenance(app):
    """Middleware that answers 503 itself, after the inner app already started a response."""

    def middleware(environ, start_response):
        result = app(environ, start_response)
        if environ.get("HTTP_X_MAINTENANCE"):
            start_response("503 Service Unavailable", [("Content-Type", "text/plain")])
            return [b"down for maintenance\n"]
        return result

    return middleware


application = maintenance(inner)
