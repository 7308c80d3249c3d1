def application(environ, start_response):
    # start_response runs only when the server asks for the first chunk.
    start_response("200 OK", [("Content-Type", "text/plain")])
    yield b"one\n"
    yield b"two\n"
