def application(environ, start_response):
    # PEP 3333 allows an empty chunk before start_response: only non-empty chunks are body.
    yield b""
    start_response("200 OK", [("Content-Type", "text/plain")])
    yield b"decided the status after the first (empty) chunk\n"
