def application(environ, start_response):
    # Stream a report, and set the status from what the data turns out to be.
    yield b"report header\n"
    status = "200 OK"
    start_response(status, [("Content-Type", "text/plain")])
    yield b"report body\n"
