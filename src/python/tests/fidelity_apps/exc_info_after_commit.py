import sys


def application(environ, start_response):
    start_response("200 OK", [("Content-Type", "text/plain")])
    yield b"begun "
    try:
        raise ValueError("too late")
    except ValueError:
        # Headers are out: start_response must re-raise.
        start_response(
            "500 Internal Server Error", [("Content-Type", "text/plain")], sys.exc_info()
        )
    yield b"unreachable"
