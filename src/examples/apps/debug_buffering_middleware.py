"""A progress stream behind a middleware that adds a header: it breaks the streaming."""
import time


def progress(environ, start_response):
    start_response("200 OK", [("Content-Type", "text/plain")])
    for step in range(1, 4):
        time.sleep(0.05)  # work between updates: the client should see each one as it comes
        yield b"step %d of 3 done\n" % step


def add_length(app):
    """Sets Content-Length for the client, and buffers the whole body to count it."""

    def middleware(environ, start_response):
        captured = []

        def keep(status, headers, exc_info=None):
            captured[:] = [status, headers]

        body = b"".join(app(environ, keep))  # every chunk, before anything is sent
        status, headers = captured
        start_response(status, headers + [("Content-Length", str(len(body)))])
        return [body]

    return middleware


application = add_length(progress)
