def application(environ, start_response):
    start_response("200 OK", [("Content-Type", "application/octet-stream")])
    for i in range(16):
        yield bytes([65 + i]) * 4096
