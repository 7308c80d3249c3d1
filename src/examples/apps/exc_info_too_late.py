import sys


def application(environ, start_response):
    start_response("200 OK", [("Content-Type", "text/plain")])
    yield b"row 1\n"
    try:
        raise ValueError("row 2 failed")
    except ValueError:
        # The headers went out with the first row: the 200 cannot be taken back.
        start_response("500 Internal Server Error", [("Content-Type", "text/plain")], sys.exc_info())
        yield b"never sent\n"
