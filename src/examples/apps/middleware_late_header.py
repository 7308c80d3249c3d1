import time


def inner(environ, start_response):
    start_response("200 OK", [("Content-Type", "text/plain")])
    return [b"from the inner app\n"]


def timing(app):
    """Middleware that edits the header list after start_response has it."""

    def middleware(environ, start_response):
        started = time.perf_counter()
        saved = []

        def patched(status, headers, exc_info=None):
            saved.append(headers)
            return start_response(status, headers, exc_info)

        result = app(environ, patched)
        # Too late by the book: the list already belongs to the server.
        saved[0].append(("X-Elapsed", "%.3f" % (time.perf_counter() - started)))
        return result

    return middleware


application = timing(inner)
