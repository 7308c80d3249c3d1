def index(environ, start_response):
    start_response("200 OK", [("Content-Type", "text/plain")])
    yield b"one\n"
    yield b"two\n"
