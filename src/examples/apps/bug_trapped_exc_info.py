import sys


def application(environ, start_response):
    start_response("200 OK", [("Content-Type", "text/html")])
    yield b"<h1>Results</h1>\n"
    try:
        raise LookupError("no results")
    except LookupError:
        try:
            start_response("500 Internal Server Error", [("Content-Type", "text/plain")], sys.exc_info())
        except LookupError:
            pass  # "just in case" -- and the error page is glued onto a 200
        yield b"<p>Something went wrong.</p>\n"
