def application(environ, start_response):
    yield b""
    start_response("200 OK", [("Content-Type", "text/plain")])
    yield b"after an empty chunk"
