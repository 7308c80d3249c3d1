"""The fix: a middleware that passes each chunk on as it comes, and close() with them."""
import time


def progress(environ, start_response):
    start_response("200 OK", [("Content-Type", "text/plain")])
    for step in range(1, 4):
        time.sleep(0.05)  # work between updates: the client should see each one as it comes
        yield b"step %d of 3 done\n" % step


def add_header(app):
    """Adds a header without touching the body: no Content-Length, so nothing to count."""

    def middleware(environ, start_response):
        def tagged(status, headers, exc_info=None):
            return start_response(status, headers + [("X-Progress", "stream")], exc_info)

        body = app(environ, tagged)
        try:
            yield from body
        finally:
            if hasattr(body, "close"):
                body.close()

    return middleware


application = add_header(progress)
