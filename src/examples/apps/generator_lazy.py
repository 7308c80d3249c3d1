def application(environ, start_response):
    # A generator app: calling it runs none of this; the server's first next() does.
    start_response("200 OK", [("Content-Type", "text/plain")])
    yield b"first\n"
    yield b"second\n"
