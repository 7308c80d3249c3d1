def application(environ, start_response):
    start_response("200 OK", [("Content-Type", "text/plain")])
    yield b"partial "
    raise RuntimeError("failed after the headers were sent")
